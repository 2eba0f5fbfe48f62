import { defaultTopicSettings, defineTopic } from '../catalogue/topic-definition.ts';
import { eventToMessage } from '../envelope/event-to-message.ts';
import { recordToEvent } from '../envelope/record-to-event.ts';
import { Sku } from '../events/fields.ts';
import { asConsumedRecord, context } from '../spec-helpers/as-consumed-record.ts';
import { nullCodec } from './null-codec.ts';

// A compacted topic made up for this spec: the latest record per sku stays, and a
// tombstone for a sku makes compaction forget it. The tombstone event is just its key.
const SkuRetiredEvent = Sku;
const skuRetirementsTopic = defineTopic({
  ...defaultTopicSettings,
  config: { ...defaultTopicSettings.config, 'cleanup.policy': 'compact' },
  name: 'sku-retirements',
  writer: 'inventory-service',
  readers: [],
  events: { SkuRetiredEvent: { schema: SkuRetiredEvent, version: 1, minVersion: 1 } },
  codec: nullCodec,
  key: (sku) => sku,
});

describe('the null codec (tombstones)', () => {
  it('writes a null value under the key, with no content-type', () => {
    const message = eventToMessage(skuRetirementsTopic, 'SkuRetiredEvent', 'SKU-MOUSE', context);

    expect(message).toMatchObject({ key: 'SKU-MOUSE', value: null });
    expect(message.headers).not.toHaveProperty('content-type');
    expect(message.headers['event-type']).toBe('SkuRetiredEvent');
  });

  it('reads a tombstone back: the event is its key', () => {
    const message = eventToMessage(skuRetirementsTopic, 'SkuRetiredEvent', 'SKU-MOUSE', context);

    expect(recordToEvent(skuRetirementsTopic, asConsumedRecord(message))).toMatchObject({
      ok: true,
      type: 'SkuRetiredEvent',
      event: 'SKU-MOUSE',
      metadata: { key: 'SKU-MOUSE', contentType: null },
    });
  });

  it('refuses a value where a tombstone belongs, and a tombstone without a key', () => {
    const source = {
      eventType: 'SkuRetiredEvent',
      definition: skuRetirementsTopic.events.SkuRetiredEvent,
      writerVersion: 1,
    };

    expect(nullCodec.decode(Buffer.from('x'), { ...source, key: 'SKU-1' })).toEqual({
      ok: false,
      reason: 'a tombstone (null value) was expected, got 1 bytes',
    });
    expect(nullCodec.decode(null, { ...source, key: null })).toMatchObject({ ok: false });
  });
});
