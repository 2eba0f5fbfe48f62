import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogueMarkers, catalogueTable, withCatalogueTable } from './catalogue-table.ts';
import { eventCatalogue } from './event-catalogue.ts';

const cataloguePage = join(import.meta.dirname, '..', '..', '..', '..', 'docs', 'event-catalogue.md');
const regenerate = 'node libs/events/bin/write-catalogue-doc.ts';

/** The table's row that starts with `first` (a code span), split into its cells. */
function row(table: string, first: string): string[] {
  const line = table.split('\n').find((candidate) => candidate.startsWith(`| \`${first}\` |`));
  if (line === undefined) throw new Error(`no row for ${first}`);
  return line.slice(2, -2).split(' | ');
}

describe('the catalogue table', () => {
  const table = catalogueTable();

  it('lists each topic with key, codec, partitions, replication, min ISR, writer, readers and dead-letter topics', () => {
    expect(row(table, 'orders').slice(0, 9)).toEqual([
      '`orders`',
      '`orderId`',
      'json (`application/json`)',
      '6',
      '3',
      '2',
      'order-service',
      'inventory-service<br>notification-service',
      '`orders.inventory-service.dlt`<br>`orders.notification-service.dlt`',
    ]);
    expect(row(table, 'inventory').slice(0, 3)).toEqual(['`inventory`', '`orderId`', 'avro (`application/avro`)']);
  });

  it('gives every topic, dead-letter topics included, its config as provisioned', () => {
    expect(row(table, 'orders.inventory-service.dlt')).toEqual([
      '`orders.inventory-service.dlt`',
      '6',
      '3',
      'delete',
      '2',
      '2419200000 (28 days)',
      '1048588 (≈1.0 MiB)',
      'CreateTime',
    ]);
  });

  it.each(Object.entries(eventCatalogue))('lists %s with its topic, version and fields', (name, definition) => {
    const [, topic, version, minVersion, fields] = row(table, name);
    expect(topic).toMatch(/^`(orders|inventory)`$/);
    expect([version, minVersion]).toEqual([String(definition.version), String(definition.minVersion)]);
    expect(fields).toContain('`orderId`: uuid');
  });

  it('marks optional fields, and the version that added them', () => {
    const [, , , , fields] = row(table, 'ProductShippedEvent');
    expect(fields?.split('<br>')).toEqual([
      '`orderId`: uuid',
      '`customerId`: uuid',
      '`email`: email (≤254 chars)',
      '`items`: list (1-100) of { `sku`: string (1-64 chars), `quantity`: integer (1-10000) }',
      '`trackingUrl` (optional, since v2): url (≤2048 chars)',
    ]);
  });
});

describe('withCatalogueTable', () => {
  it('replaces only what lies between the markers', () => {
    const page = `# Title\nintro\n${catalogueMarkers.start}\nold table\n${catalogueMarkers.end}\nafter\n`;
    expect(withCatalogueTable(page, 'NEW')).toBe(
      `# Title\nintro\n${catalogueMarkers.start}\n\nNEW\n\n${catalogueMarkers.end}\nafter\n`,
    );
  });

  it('refuses a page without the markers, naming them', () => {
    expect(() => withCatalogueTable('# no markers here')).toThrow(catalogueMarkers.start);
  });
});

describe('docs/event-catalogue.md', () => {
  it('holds exactly the tables generated from libs/events', () => {
    const page = readFileSync(cataloguePage, 'utf8');
    try {
      expect(page).toBe(withCatalogueTable(page));
    } catch (error) {
      throw new Error(
        `docs/event-catalogue.md is out of date with libs/events. Regenerate it: ${regenerate}\n\n${(error as Error).message}`,
      );
    }
  });
});
