import { eventCatalogue } from '../catalogue/event-catalogue.ts';
import { ordersTopic } from '../catalogue/topic-catalogue.ts';
import { eventToMessage } from '../envelope/event-to-message.ts';
import { recordToEvent } from '../envelope/record-to-event.ts';
import { asConsumedRecord, context } from '../spec-helpers/as-consumed-record.ts';
import { validExamples } from '../spec-helpers/event-examples.ts';
import { jsonCodec } from './json-codec.ts';

const source = {
  eventType: 'OrderPlacedEvent',
  definition: eventCatalogue.OrderPlacedEvent,
  writerVersion: 1,
  key: null,
};

describe('the JSON codec (the default, used by the orders topic)', () => {
  it('writes readable UTF-8 JSON and reads it back', () => {
    const bytes = jsonCodec.encode(validExamples.OrderPlacedEvent, source);

    expect(bytes?.toString('utf8')).toContain('"email":"ada@example.com"');
    expect(jsonCodec.decode(bytes, source)).toEqual({ ok: true, value: validExamples.OrderPlacedEvent });
  });

  it('carries an orders event through a whole message round trip', () => {
    const message = eventToMessage(ordersTopic, 'OrderPlacedEvent', validExamples.OrderPlacedEvent, context);
    const decoded = recordToEvent(ordersTopic, asConsumedRecord(message));

    expect(message.headers['content-type']).toBe('application/json');
    expect(decoded).toMatchObject({ ok: true, type: 'OrderPlacedEvent', event: validExamples.OrderPlacedEvent });
  });

  it('says so when the bytes are not JSON', () => {
    expect(jsonCodec.decode(Buffer.from('{"orderId": '), source)).toEqual({
      ok: false,
      reason: expect.stringContaining('not valid JSON'),
    });
  });

  it('says so when the bytes are not text', () => {
    expect(jsonCodec.decode(Buffer.from([0x7b, 0xff, 0x7d]), source)).toEqual({
      ok: false,
      reason: 'the value is not UTF-8 text, so it is not JSON',
    });
  });

  it('refuses a tombstone', () => {
    expect(jsonCodec.decode(null, source)).toEqual({ ok: false, reason: expect.stringContaining('tombstone') });
  });
});
