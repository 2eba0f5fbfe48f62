import { inventoryTopic, ordersTopic } from '../catalogue/topic-catalogue.ts';
import { EventDecodeError } from '../errors/event-decode-error.ts';
import { asConsumedRecord, context, withHeaders } from '../spec-helpers/as-consumed-record.ts';
import { orderId, validExamples } from '../spec-helpers/event-examples.ts';
import { eventToMessage } from './event-to-message.ts';
import type { ConsumedRecord } from './event-message.ts';
import { recordToEvent } from './record-to-event.ts';

const placedRecord = () =>
  asConsumedRecord(eventToMessage(ordersTopic, 'OrderPlacedEvent', validExamples.OrderPlacedEvent, context));

/** Decodes a record of the orders topic that must fail, and returns its error. */
function decodeError(record: ConsumedRecord): EventDecodeError {
  const result = recordToEvent(ordersTopic, record);
  if (result.ok) throw new Error(`expected a decode error, got ${result.type}`);
  return result.error;
}

describe('recordToEvent: a consumed record back into a typed event', () => {
  it.each(Object.keys(ordersTopic.events) as (keyof typeof ordersTopic.events)[])(
    'reads %s with its metadata',
    (type) => {
      const message = eventToMessage(ordersTopic, type, validExamples[type], context);
      const result = recordToEvent(ordersTopic, asConsumedRecord(message));

      expect(result).toEqual({
        ok: true,
        type,
        event: validExamples[type],
        metadata: {
          key: orderId,
          eventId: message.headers['event-id'],
          eventType: type,
          eventVersion: ordersTopic.events[type].version,
          contentType: 'application/json',
          correlationId: 'request-7',
          causationId: 'request-7',
          source: 'order-service',
          occurredAt: context.occurredAt,
        },
      });
    },
  );

  it('narrows the event by its type', () => {
    const result = recordToEvent(ordersTopic, placedRecord());
    if (!result.ok) throw result.error;

    // Compiles only because `type` narrowed `event` to an OrderPlacedEvent.
    const skus = result.type === 'OrderPlacedEvent' ? result.event.items.map((item) => item.sku) : [];
    expect(skus).toEqual(['SKU-KEYBOARD', 'SKU-MOUSE']);
  });

  it('accepts headers as strings too, and ignores headers it does not know', () => {
    const message = eventToMessage(ordersTopic, 'OrderPlacedEvent', validExamples.OrderPlacedEvent, context);
    const record = { ...message, headers: { ...message.headers, 'x-trace': 'abc' } };

    expect(recordToEvent(ordersTopic, record)).toMatchObject({ ok: true, type: 'OrderPlacedEvent' });
  });
});

describe('recordToEvent: a record that cannot be read says what is wrong', () => {
  it.each(['event-id', 'event-type', 'event-version', 'correlation-id', 'causation-id', 'source'])(
    'missing-header: no %s',
    (header) => {
      const error = decodeError(withHeaders(placedRecord(), { [header]: undefined }));

      expect(error).toMatchObject({ code: 'missing-header', retriable: false, details: { topic: 'orders', header } });
      expect(error.message).toBe(`the "${header}" header is missing (topic orders)`);
    },
  );

  it('missing-header: no headers at all', () => {
    const record: ConsumedRecord = { ...placedRecord(), headers: undefined };

    expect(decodeError(record).code).toBe('missing-header');
  });

  it('unknown-event-type: an event the topic does not carry', () => {
    const error = decodeError(withHeaders(placedRecord(), { 'event-type': 'StockReservedEvent' }));

    expect(error).toMatchObject({ code: 'unknown-event-type', details: { eventType: 'StockReservedEvent' } });
    expect(error.message).toContain('"StockReservedEvent" is not an event this topic carries (OrderPlacedEvent, ');
  });

  it('unknown-event-type: not fooled by names every object has', () => {
    expect(decodeError(withHeaders(placedRecord(), { 'event-type': 'toString' })).code).toBe('unknown-event-type');
  });

  it.each(['0', '-1', '1.5', 'v1', '', '99999999999999999999'])('unsupported-event-version: "%s"', (version) => {
    const error = decodeError(withHeaders(placedRecord(), { 'event-version': version }));

    expect(error).toMatchObject({ code: 'unsupported-event-version', details: { eventType: 'OrderPlacedEvent' } });
    expect(error.message).toContain('is not a positive integer');
  });

  it('invalid-header: a content-type that is not the topic codec', () => {
    const error = decodeError(withHeaders(placedRecord(), { 'content-type': 'application/avro' }));

    expect(error).toMatchObject({ code: 'invalid-header', details: { header: 'content-type' } });
    expect(error.message).toContain('content-type is "application/avro", but this topic carries application/json');
  });

  it('missing content-type on a topic with content is an invalid-header too', () => {
    expect(decodeError(withHeaders(placedRecord(), { 'content-type': undefined })).code).toBe('invalid-header');
  });

  it('invalid-header: an event id that is not a UUID', () => {
    expect(decodeError(withHeaders(placedRecord(), { 'event-id': '42' }))).toMatchObject({
      code: 'invalid-header',
      details: { header: 'event-id' },
    });
  });

  it('invalid-header: a header given twice', () => {
    const record = placedRecord();
    const twice = { ...record, headers: { ...record.headers, source: [Buffer.from('a'), Buffer.from('b')] } };

    expect(decodeError(twice)).toMatchObject({ code: 'invalid-header', details: { header: 'source' } });
  });

  it('invalid-timestamp: not epoch milliseconds', () => {
    expect(decodeError({ ...placedRecord(), timestamp: '-1' }).code).toBe('invalid-timestamp');
  });

  it('undecodable-value: bytes that are not JSON', () => {
    const error = decodeError({ ...placedRecord(), value: Buffer.from('{"orderId": "') });

    expect(error.code).toBe('undecodable-value');
    expect(error.message).toContain('OrderPlacedEvent v1: the value is not valid JSON');
  });

  it('undecodable-value: Avro bytes on the JSON topic, even with a JSON content-type', () => {
    const stock = eventToMessage(inventoryTopic, 'StockReservedEvent', validExamples.StockReservedEvent, context);
    const error = decodeError({ ...placedRecord(), value: stock.value });

    expect(error.code).toBe('undecodable-value');
    expect(error.message).toContain('binary data, so it is not JSON text');
  });

  it('undecodable-value: a tombstone on a topic of events', () => {
    expect(decodeError({ ...placedRecord(), value: null }).code).toBe('undecodable-value');
  });

  it('invalid-event-field: names the path of the bad field', () => {
    const bad = { ...validExamples.OrderPlacedEvent, items: [{ sku: 'SKU-1', quantity: 0 }] };
    const error = decodeError({ ...placedRecord(), value: Buffer.from(JSON.stringify(bad)) });

    expect(error).toMatchObject({ code: 'invalid-event-field', details: { path: 'items[0].quantity' } });
    expect(error.message).toContain('OrderPlacedEvent v1 is invalid at items[0].quantity: ');
  });

  it('invalid-event-field: JSON that is not an object at all', () => {
    const error = decodeError({ ...placedRecord(), value: Buffer.from('42') });

    expect(error).toMatchObject({ code: 'invalid-event-field', details: { path: '(root)' } });
  });

  it('never throws: every failure is an EventDecodeError value', () => {
    const garbage: ConsumedRecord = { key: null, value: Buffer.from([0xff]), timestamp: 'x', headers: {} };

    expect(() => recordToEvent(ordersTopic, garbage)).not.toThrow();
    expect(decodeError(garbage)).toBeInstanceOf(EventDecodeError);
  });
});
