import { z } from 'zod';
import { inventoryTopic } from '../catalogue/topic-catalogue.ts';
import { StockReservationFailedEvent } from '../events/stock-reservation-failed-event.ts';
import { avroSchemaFor } from './avro-schema.ts';

describe('Avro schemas derived from the zod schemas (one hand-written shape, not two)', () => {
  it('maps an event onto an Avro record, field by field', () => {
    expect(avroSchemaFor('StockReservationFailedEvent', StockReservationFailedEvent)).toEqual({
      type: 'record',
      name: 'StockReservationFailedEvent',
      namespace: 'orderflow.events',
      fields: [
        { name: 'orderId', type: 'string' },
        {
          name: 'unavailableItems',
          type: {
            type: 'array',
            items: {
              type: 'record',
              name: 'StockReservationFailedEvent_unavailableItems_item',
              fields: [
                { name: 'sku', type: 'string' },
                { name: 'reason', type: 'string' },
                { name: 'requested', type: 'long' },
                { name: 'available', type: 'long' },
              ],
            },
          },
        },
      ],
    });
  });

  it('makes an optional field "null or value", defaulting to null', () => {
    const schema = z.object({ trackingUrl: z.url().optional(), weight: z.number(), gift: z.boolean() });

    expect(avroSchemaFor('ParcelWeighedEvent', schema)).toMatchObject({
      fields: [
        { name: 'trackingUrl', type: ['null', 'string'], default: null },
        { name: 'weight', type: 'double' },
        { name: 'gift', type: 'boolean' },
      ],
    });
  });

  it.each(Object.entries(inventoryTopic.events))('derives a schema for %s, which uses Avro', (name, { schema }) => {
    expect(() => avroSchemaFor(name, schema)).not.toThrow();
  });

  it('refuses what has no simple Avro form, loudly', () => {
    expect(() => avroSchemaFor('SkuRenamedEvent', z.string())).toThrow('Avro events must be objects');
    expect(() => avroSchemaFor('X', z.object({ either: z.union([z.string(), z.int()]) }))).toThrow('no Avro form');
  });
});
