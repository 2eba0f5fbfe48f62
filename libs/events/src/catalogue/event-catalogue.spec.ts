import { z } from 'zod';
import * as publicApi from '../index.ts';
import type { EventDefinition } from './event-definition.ts';
import { eventCatalogue, pickEvents } from './event-catalogue.ts';
import { checkEventName } from './event-name-rule.ts';
import { topics } from './topic-catalogue.ts';

const catalogue: [string, EventDefinition][] = Object.entries(eventCatalogue);

describe('every event in the catalogue', () => {
  it.each(catalogue)('%s follows the naming rule', (name) => {
    expect(checkEventName(name)).toEqual({ ok: true });
  });

  it.each(catalogue)('%s is exported under its own name: schema and type share the name', (name, definition) => {
    expect((publicApi as Record<string, unknown>)[name]).toBe(definition.schema);
  });

  it.each(catalogue)('%s is carried by exactly one topic', (name) => {
    const carriers = Object.values(topics).filter((topic) => Object.hasOwn(topic.events, name));

    expect(carriers).toHaveLength(1);
  });

  it.each(catalogue)('%s has sane versions: 1 <= minVersion <= version', (_name, { version, minVersion }) => {
    expect(Number.isInteger(minVersion) && minVersion >= 1 && version >= minVersion).toBe(true);
  });

  // The evolution rule, checked: each later version keeps every field and adds only optional ones.
  it.each(catalogue)('%s versions only ever added optional fields', (_name, definition) => {
    for (const [version, earlier] of Object.entries(definition.earlierSchemas ?? {})) {
      expect(Number(version)).toBeLessThan(definition.version);
      const before = z.toJSONSchema(earlier);
      const after = z.toJSONSchema(definition.schema);
      const added = Object.keys(after.properties ?? {}).filter((field) => !(field in (before.properties ?? {})));

      expect(after.properties).toMatchObject(before.properties ?? {});
      expect(after.required).toEqual(before.required);
      expect(added.every((field) => !after.required?.includes(field))).toBe(true);
    }
  });
});

describe('pickEvents', () => {
  it('takes the named definitions from the catalogue', () => {
    expect(pickEvents('OrderPlacedEvent', 'StockReservedEvent')).toEqual({
      OrderPlacedEvent: eventCatalogue.OrderPlacedEvent,
      StockReservedEvent: eventCatalogue.StockReservedEvent,
    });
  });
});
