import { validate as isUuid, version as uuidVersion } from 'uuid';
import { ordersTopic } from '../catalogue/topic-catalogue.ts';
import { InvalidEventError } from '../errors/invalid-event-error.ts';
import { context } from '../spec-helpers/as-consumed-record.ts';
import { orderId, validExamples } from '../spec-helpers/event-examples.ts';
import { causedBy } from './event-id.ts';
import { eventToMessage } from './event-to-message.ts';

const placed = () => eventToMessage(ordersTopic, 'OrderPlacedEvent', validExamples.OrderPlacedEvent, context);

describe('eventToMessage: the event is the content, the message is the envelope', () => {
  it('keys the message by the order id and stamps it with when the event happened', () => {
    const message = placed();

    expect(message.key).toBe(orderId);
    expect(message.timestamp).toBe(String(Date.parse('2026-01-02T03:04:05.678Z')));
    expect(message.timestamp).toBe('1767323045678');
  });

  it('puts the metadata in headers', () => {
    const { headers } = placed();

    expect(headers).toEqual({
      'event-id': expect.any(String),
      'event-type': 'OrderPlacedEvent',
      'event-version': '1',
      'content-type': 'application/json',
      'correlation-id': 'request-7',
      'causation-id': 'request-7',
      source: 'order-service',
    });
  });

  it('gives every event a new, time-ordered UUIDv7 id', () => {
    const ids = Array.from({ length: 50 }, () => placed().headers['event-id'] ?? '');

    expect(ids.every((id) => isUuid(id) && uuidVersion(id) === 7)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('keeps an event id given by the writer (an outbox row re-sent keeps its id)', () => {
    const eventId = '0190a6f0-1c2d-7a3b-8c4d-aaaaaaaaaaaa';
    const message = eventToMessage(ordersTopic, 'OrderConfirmedEvent', validExamples.OrderConfirmedEvent, {
      ...context,
      eventId,
    });

    expect(message.headers['event-id']).toBe(eventId);
  });

  it('links a follow-up event to its cause: same correlation id, the cause as causation id', () => {
    const cause = { eventId: '0190a6f0-1c2d-7a3b-8c4d-bbbbbbbbbbbb', correlationId: 'request-7' };
    const message = eventToMessage(ordersTopic, 'OrderConfirmedEvent', validExamples.OrderConfirmedEvent, {
      occurredAt: new Date(),
      ...causedBy(cause),
    });

    expect(message.headers).toMatchObject({ 'correlation-id': 'request-7', 'causation-id': cause.eventId });
  });

  it('refuses an invalid event, naming the field, before anything is sent', () => {
    const broken = { ...validExamples.OrderPlacedEvent, items: [{ sku: 'SKU-1', quantity: -1 }] };
    const publish = () => eventToMessage(ordersTopic, 'OrderPlacedEvent', broken, context);

    expect(publish).toThrow(InvalidEventError);
    expect(publish).toThrow(expect.objectContaining({ path: 'items[0].quantity', retriable: false }));
  });

  it('refuses an invalid context', () => {
    const publish = (bad: object) =>
      eventToMessage(ordersTopic, 'OrderConfirmedEvent', validExamples.OrderConfirmedEvent, { ...context, ...bad });

    expect(() => publish({ occurredAt: new Date('not a date') })).toThrow('occurredAt');
    expect(() => publish({ correlationId: '' })).toThrow('correlationId');
    expect(() => publish({ eventId: 'event-1' })).toThrow('eventId');
  });

  it('drops fields the event does not define', () => {
    const withExtra = { ...validExamples.OrderConfirmedEvent, password: 'secret' };
    const message = eventToMessage(ordersTopic, 'OrderConfirmedEvent', withExtra, context);

    expect(message.value?.toString()).not.toContain('secret');
  });
});
