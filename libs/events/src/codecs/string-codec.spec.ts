import { z } from 'zod';
import { defaultTopicSettings, defineTopic } from '../catalogue/topic-definition.ts';
import { eventToMessage } from '../envelope/event-to-message.ts';
import { recordToEvent } from '../envelope/record-to-event.ts';
import { asConsumedRecord, context } from '../spec-helpers/as-consumed-record.ts';
import { stringCodec } from './string-codec.ts';

// A topic made up for this spec: its events are plain text, the sku that was discontinued.
const SkuDiscontinuedEvent = z.string().min(1);
const discontinuedSkusTopic = defineTopic({
  ...defaultTopicSettings,
  name: 'discontinued-skus',
  writer: 'inventory-service',
  readers: [],
  events: { SkuDiscontinuedEvent: { schema: SkuDiscontinuedEvent, version: 1, minVersion: 1 } },
  codec: stringCodec,
  key: (sku) => sku,
});
const source = { eventType: 'SkuDiscontinuedEvent', definition: discontinuedSkusTopic.events.SkuDiscontinuedEvent };

describe('the String codec', () => {
  it('writes the value as plain UTF-8 text, labelled text/plain', () => {
    const message = eventToMessage(discontinuedSkusTopic, 'SkuDiscontinuedEvent', 'SKU-CAFÉ', context);

    expect(message.value?.toString('utf8')).toBe('SKU-CAFÉ');
    expect(message.headers['content-type']).toBe('text/plain');
    expect(recordToEvent(discontinuedSkusTopic, asConsumedRecord(message))).toMatchObject({
      ok: true,
      type: 'SkuDiscontinuedEvent',
      event: 'SKU-CAFÉ',
    });
  });

  it('refuses bytes that are not UTF-8, and tombstones', () => {
    const decodeSource = { ...source, writerVersion: 1, key: null };

    expect(stringCodec.decode(Buffer.from([0xc3, 0x28]), decodeSource)).toEqual({
      ok: false,
      reason: 'the value is not UTF-8 text',
    });
    expect(stringCodec.decode(null, decodeSource)).toMatchObject({ ok: false });
  });

  it('writes strings only', () => {
    expect(() => stringCodec.encode({ sku: 'SKU-1' }, source)).toThrow('writes strings only');
  });
});
