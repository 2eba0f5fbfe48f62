import avro from 'avsc';
import { eventCatalogue } from '../catalogue/event-catalogue.ts';
import type { EventDefinition } from '../catalogue/event-definition.ts';
import { inventoryTopic } from '../catalogue/topic-catalogue.ts';
import { eventToMessage } from '../envelope/event-to-message.ts';
import { recordToEvent } from '../envelope/record-to-event.ts';
import { ProductShippedEventV1 } from '../events/product-shipped-event.ts';
import { asConsumedRecord, context } from '../spec-helpers/as-consumed-record.ts';
import { validExamples } from '../spec-helpers/event-examples.ts';
import { avroCodec } from './avro-codec.ts';
import { avroSchemaFor } from './avro-schema.ts';
import { jsonCodec } from './json-codec.ts';

const failed = {
  eventType: 'StockReservationFailedEvent',
  definition: eventCatalogue.StockReservationFailedEvent,
  writerVersion: 1,
  key: null,
};

describe('the Avro codec (used by the inventory topic)', () => {
  it('round-trips an event through compact binary', () => {
    const event = validExamples.StockReservationFailedEvent;
    const bytes = avroCodec.encode(event, failed);
    const asJson = jsonCodec.encode(event, failed);

    expect(bytes).toBeInstanceOf(Buffer);
    expect(bytes?.length).toBeLessThan(asJson?.length ?? 0);
    expect(avroCodec.decode(bytes, failed)).toEqual({ ok: true, value: event });
  });

  it.each(Object.keys(inventoryTopic.events) as (keyof typeof inventoryTopic.events)[])(
    'carries %s through a whole message round trip',
    (type) => {
      const message = eventToMessage(inventoryTopic, type, validExamples[type], context);
      const decoded = recordToEvent(inventoryTopic, asConsumedRecord(message));

      expect(message.headers['content-type']).toBe('application/avro');
      expect(decoded).toMatchObject({ ok: true, type, event: validExamples[type] });
    },
  );

  it('fails clearly, instead of reading garbage, when Avro bytes are read as JSON', () => {
    const avroBytes = avroCodec.encode(validExamples.StockReservationFailedEvent, failed);

    expect(jsonCodec.decode(avroBytes, failed)).toEqual({
      ok: false,
      reason: 'the value holds binary data, so it is not JSON text (Avro, perhaps?)',
    });
  });

  it('fails clearly when JSON bytes are read as Avro', () => {
    const jsonBytes = jsonCodec.encode(validExamples.StockReservationFailedEvent, failed);

    expect(avroCodec.decode(jsonBytes, failed)).toEqual({
      ok: false,
      reason: expect.stringContaining('is not Avro for StockReservationFailedEvent v1'),
    });
  });

  describe('schema evolution: Avro needs the writer schema, which the version header names', () => {
    const v1: EventDefinition = { schema: ProductShippedEventV1, version: 1, minVersion: 1 };
    const v2: EventDefinition = eventCatalogue.ProductShippedEvent;
    const { orderId, customerId, email, items } = validExamples.ProductShippedEvent;
    const shippedV1 = { orderId, customerId, email, items };

    it('reads v1 bytes with the v2 schema: the added optional field is absent', () => {
      const v1Bytes = avroCodec.encode(shippedV1, { eventType: 'ProductShippedEvent', definition: v1 });
      const read = avroCodec.decode(v1Bytes, {
        eventType: 'ProductShippedEvent',
        definition: v2,
        writerVersion: 1,
        key: null,
      });

      expect(read).toEqual({ ok: true, value: shippedV1 });
    });

    it('reads v2 bytes with the v1 schema when the writer schema is known (as a schema registry provides)', () => {
      const v2Bytes = avroCodec.encode(validExamples.ProductShippedEvent, {
        eventType: 'ProductShippedEvent',
        definition: v2,
      });
      const writer = avro.Type.forSchema(avroSchemaFor('ProductShippedEvent', v2.schema) as avro.Schema);
      const reader = avro.Type.forSchema(avroSchemaFor('ProductShippedEvent', v1.schema) as avro.Schema);

      expect({ ...reader.fromBuffer(v2Bytes ?? Buffer.alloc(0), reader.createResolver(writer)) }).toEqual(shippedV1);
    });

    it('refuses bytes of a version whose schema this reader does not have', () => {
      const v2Bytes = avroCodec.encode(validExamples.ProductShippedEvent, {
        eventType: 'ProductShippedEvent',
        definition: v2,
      });
      const read = avroCodec.decode(v2Bytes, {
        eventType: 'ProductShippedEvent',
        definition: v1,
        writerVersion: 2,
        key: null,
      });

      expect(read).toEqual({ ok: false, reason: expect.stringContaining('no Avro schema for ProductShippedEvent v2') });
    });
  });
});
