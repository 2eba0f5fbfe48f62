import { z } from 'zod';
import { ordersTopic } from '../catalogue/topic-catalogue.ts';
import { defaultTopicSettings, defineTopic } from '../catalogue/topic-definition.ts';
import { jsonCodec } from '../codecs/json-codec.ts';
import { EventTooLargeError } from '../errors/event-too-large-error.ts';
import { OrderId } from '../events/fields.ts';
import { context } from '../spec-helpers/as-consumed-record.ts';
import { orderId, validExamples } from '../spec-helpers/event-examples.ts';
import { eventToMessage } from './event-to-message.ts';
import { encodedSize } from './message-size.ts';

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
