import { z } from 'zod';
import { ordersTopic } from '../catalogue/topic-catalogue.ts';
import { defaultTopicSettings, defineTopic } from '../catalogue/topic-definition.ts';
import { jsonCodec } from '../codecs/json-codec.ts';
import { EventTooLargeError } from '../errors/event-too-large-error.ts';
import { OrderId } from '../events/fields.ts';
import { context } from '../spec-helpers/as-consumed-record.ts';
import { orderId, validExamples } from '../spec-helpers/event-examples.ts';
import { eventToMessage } from './event-to-message.ts';
import { assertFitsTopic, encodedSize, recordBatchSize } from './message-size.ts';

// A made-up event doing what events must not: carrying a document instead of a link to it.
const InvoiceAttachedEvent = z.object({ orderId: OrderId, pdfBase64: z.string() });
const invoicesTopic = defineTopic({
  ...defaultTopicSettings,
  name: 'invoices',
  writer: 'order-service',
  readers: [],
  events: { InvoiceAttachedEvent: { schema: InvoiceAttachedEvent, version: 1, minVersion: 1 } },
  codec: jsonCodec,
  key: (event) => event.orderId,
});

const attachInvoice = (pdfBytes: number) =>
  eventToMessage(invoicesTopic, 'InvoiceAttachedEvent', { orderId, pdfBase64: 'A'.repeat(pdfBytes) }, context);

describe('the message size limit', () => {
  it('counts key, value and headers', () => {
    const message = { key: 'k', value: Buffer.from('12345'), timestamp: '0', headers: { ab: 'cd' } };

    expect(encodedSize(message)).toBe(1 + 5 + 4);
    expect(encodedSize({ ...message, value: null })).toBe(5);
  });

  it("counts a one-record batch as the broker does: 61 bytes of batch header, the record's varint framing, key, value and headers", () => {
    const message = { key: 'k', value: Buffer.from('12345'), timestamp: '0', headers: { ab: 'cd' } };
    // Record body: attributes 1, timestamp delta 1, offset delta 1, key 1+1, value 1+5,
    // header count 1, header name 1+2, header value 1+2 = 18; its length as a varint: 1.
    expect(recordBatchSize(message)).toBe(61 + 1 + 18);
    // A null value (a tombstone) is its length alone, -1 as a varint: 1 byte.
    expect(recordBatchSize({ ...message, value: null })).toBe(61 + 1 + 13);
  });

  it('counts varint lengths as Kafka writes them: zigzag-encoded, a byte more from 64', () => {
    const withValue = (bytes: number) => ({ key: '', value: Buffer.alloc(bytes), timestamp: '0', headers: {} });
    // Body = attributes, deltas, empty key, header count (5) + the value's length varint + the value.
    expect(recordBatchSize(withValue(57))).toBe(61 + 1 + (5 + 1 + 57));
    // A body of 64 bytes needs a 2-byte length.
    expect(recordBatchSize(withValue(58))).toBe(61 + 2 + (5 + 1 + 58));
    expect(recordBatchSize(withValue(63))).toBe(61 + 2 + (5 + 1 + 63));
    // A value of 64 bytes too.
    expect(recordBatchSize(withValue(64))).toBe(61 + 2 + (5 + 2 + 64));
  });

  it('lets a message through whose batch is exactly max.message.bytes, and refuses one byte more', () => {
    const limit = 1_000;
    const strictTopic = defineTopic({
      ...invoicesTopic,
      config: { ...invoicesTopic.config, 'max.message.bytes': limit },
    });
    const headers = { 'event-type': 'InvoiceAttachedEvent' };
    const fill = (bytes: number) => ({ key: orderId, value: Buffer.alloc(bytes), timestamp: '0', headers });
    let valueBytes = limit;
    while (recordBatchSize(fill(valueBytes)) > limit) valueBytes -= 1;
    const exact = fill(valueBytes);
    const oneMore = fill(valueBytes + 1);
    expect(recordBatchSize(exact)).toBe(limit);

    expect(() => assertFitsTopic(strictTopic, 'InvoiceAttachedEvent', exact)).not.toThrow();
    expect(() => assertFitsTopic(strictTopic, 'InvoiceAttachedEvent', oneMore)).toThrow(EventTooLargeError);
    // Counting key, value and headers alone would have let it through, for the broker to refuse.
    expect(encodedSize(oneMore)).toBeLessThan(limit);
  });

  it('lets our events through: their schemas keep them small', () => {
    const message = eventToMessage(ordersTopic, 'ProductShippedEvent', validExamples.ProductShippedEvent, context);

    expect(encodedSize(message)).toBeLessThan(1_000);
    expect(() => attachInvoice(500_000)).not.toThrow();
  });

  it('refuses an event bigger than the topic max.message.bytes before sending, naming event, size and limit', () => {
    let error: unknown;
    try {
      attachInvoice(2_000_000);
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(EventTooLargeError);
    expect(error).toMatchObject({
      code: 'event-too-large',
      retriable: false,
      eventType: 'InvoiceAttachedEvent',
      limitBytes: 1_048_588,
    });
    expect((error as EventTooLargeError).sizeBytes).toBeGreaterThan(2_000_000);
    expect((error as Error).message).toMatch(
      /^InvoiceAttachedEvent is \d+ bytes encoded, but topic invoices accepts at most 1048588 bytes/,
    );
  });

  it('uses the limit the topic declares', () => {
    const strictTopic = defineTopic({
      ...invoicesTopic,
      config: { ...invoicesTopic.config, 'max.message.bytes': 1_000 },
    });
    const message = () =>
      eventToMessage(strictTopic, 'InvoiceAttachedEvent', { orderId, pdfBase64: 'A'.repeat(2_000) }, context);

    expect(message).toThrow('accepts at most 1000 bytes');
  });
});
