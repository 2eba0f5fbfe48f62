import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { accessPlan, accessPlanTable, serviceRules, withAccessPlanTable, type AclRule } from './access-plan.ts';

/** `topic:orders` → its operations, for readable expectations. */
function byResource(rules: readonly AclRule[]): Record<string, readonly string[]> {
  return Object.fromEntries(
    rules.map((rule) => [
      `${rule.resource.type}:${rule.resource.name}${rule.resource.patternType === 'prefixed' ? '*' : ''}`,
      rule.operations,
    ]),
  );
}

describe('the access plan derived from the topic catalogue', () => {
  it('lets order-service write orders, read inventory in its own group, and dead-letter what it cannot process', () => {
    expect(byResource(serviceRules('order-service'))).toEqual({
      'topic:orders': ['Describe', 'DescribeConfigs', 'Write'],
      'topic:inventory': ['Describe', 'DescribeConfigs', 'Read'],
      'topic:inventory.order-service.dlt': ['Describe', 'DescribeConfigs', 'Write'],
      'group:order-service': ['Read', 'Describe'],
    });
  });

  it('lets notification-service read orders and write nothing but its dead-letter topic', () => {
    expect(byResource(serviceRules('notification-service'))).toEqual({
      'topic:orders': ['Describe', 'DescribeConfigs', 'Read'],
      'topic:orders.notification-service.dlt': ['Describe', 'DescribeConfigs', 'Write'],
      'group:notification-service': ['Read', 'Describe'],
    });
  });

  it('gives every topic exactly one writing service, the catalogue writer', () => {
    const writers = accessPlan().flatMap(({ principal, rules }) =>
      rules.filter((rule) => rule.operations.includes('Write')).map((rule) => `${rule.resource.name} ← ${principal}`),
    );
    expect(writers.sort()).toEqual([
      'inventory ← inventory-service',
      'inventory.order-service.dlt ← order-service',
      'orders ← order-service',
      'orders.inventory-service.dlt ← inventory-service',
      'orders.notification-service.dlt ← notification-service',
    ]);
  });

  it('never grants Create, All or IdempotentWrite, and the console and lag reader never write', () => {
    const operations = new Set(accessPlan().flatMap(({ rules }) => rules.flatMap((rule) => rule.operations)));
    expect([...operations].sort()).toEqual(['Describe', 'DescribeConfigs', 'Read', 'Write']);
    const console = accessPlan().find((access) => access.principal === 'console');
    expect(console?.rules.some((rule) => rule.operations.includes('Write'))).toBe(false);
    const lagReader = accessPlan().find((access) => access.principal === 'lag-reader');
    expect(lagReader?.rules.flatMap((rule) => rule.operations)).not.toContain('Read');
  });

  it('gives the console a group prefix of its own for its tail consumer', () => {
    expect(
      byResource(accessPlan().find((access) => access.principal === 'console')?.rules ?? [])[
        'group:orderflow-console-*'
      ],
    ).toEqual(['Read', 'Describe']);
  });

  it('renders one table row per principal and resource', () => {
    const table = accessPlanTable();
    expect(table).toContain('| `User:order-service` | topic | `orders` | Describe, DescribeConfigs, Write |');
    expect(table.split('\n')).toHaveLength(2 + accessPlan().reduce((count, access) => count + access.rules.length, 0));
  });

  it('is the table docs/12 shows (node libs/events/bin/write-catalogue-doc.ts rewrites it)', () => {
    const page = readFileSync(
      join(import.meta.dirname, '..', '..', '..', '..', 'docs', '12-from-one-machine-to-a-cluster.md'),
      'utf8',
    );
    expect(withAccessPlanTable(page)).toBe(page);
  });
});
