import type { EventDefinition } from '../catalogue/event-definition.ts';
import { ordersTopic } from '../catalogue/topic-catalogue.ts';
import { defineTopic } from '../catalogue/topic-definition.ts';
import { ProductShippedEventV1 } from '../events/product-shipped-event.ts';
import { asConsumedRecord, context, withHeaders } from '../spec-helpers/as-consumed-record.ts';
import { validExamples } from '../spec-helpers/event-examples.ts';
import { eventToMessage } from './event-to-message.ts';
import { recordToEvent } from './record-to-event.ts';

// ProductShippedEvent v2 added the optional `trackingUrl`. The orders topic as an older
// service still sees it: ProductShippedEvent at v1 (the other events as they are).
const shippedV1: EventDefinition<typeof ProductShippedEventV1> = {
  schema: ProductShippedEventV1,
  version: 1,
  minVersion: 1,
};
const ordersTopicV1 = defineTopic({
  ...ordersTopic,
  events: { ...ordersTopic.events, ProductShippedEvent: shippedV1 },
});

const shippedV2Event = validExamples.ProductShippedEvent;
const { orderId, customerId, email, items } = shippedV2Event;
const shippedV1Event = { orderId, customerId, email, items };

describe('evolution: versions only add optional fields, so readers of either version read both', () => {
  it('a v1 reader accepts a v2 record, ignoring the field it does not know', () => {
    const v2Message = eventToMessage(ordersTopic, 'ProductShippedEvent', shippedV2Event, context);
    const read = recordToEvent(ordersTopicV1, asConsumedRecord(v2Message));

    expect(v2Message.headers['event-version']).toBe('2');
    expect(read).toMatchObject({ ok: true, event: shippedV1Event, metadata: { eventVersion: 2 } });
    expect(read.ok && read.event).not.toHaveProperty('trackingUrl');
  });

  it('a v2 reader accepts a v1 record, the added field absent', () => {
    const v1Message = eventToMessage(ordersTopicV1, 'ProductShippedEvent', shippedV1Event, context);
    const read = recordToEvent(ordersTopic, asConsumedRecord(v1Message));

    expect(v1Message.headers['event-version']).toBe('1');
    expect(read).toMatchObject({ ok: true, type: 'ProductShippedEvent', metadata: { eventVersion: 1 } });
    expect(read.ok && read.type === 'ProductShippedEvent' && read.event.trackingUrl).toBeUndefined();
  });

  it('a version below the declared minimum is unsupported', () => {
    const shippedV2Only: EventDefinition<typeof ordersTopic.events.ProductShippedEvent.schema> = {
      ...ordersTopic.events.ProductShippedEvent,
      minVersion: 2,
    };
    const retiredV1 = defineTopic({
      ...ordersTopic,
      events: { ...ordersTopic.events, ProductShippedEvent: shippedV2Only },
    });
    const v1Record = asConsumedRecord(eventToMessage(ordersTopicV1, 'ProductShippedEvent', shippedV1Event, context));
    const read = recordToEvent(retiredV1, v1Record);

    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toMatchObject({
      code: 'unsupported-event-version',
      message: 'ProductShippedEvent v1 is older than the oldest supported, v2 (topic orders)',
    });
  });

  it('a newer version than the reader knows is supported, by the rule', () => {
    const v3Record = withHeaders(
      asConsumedRecord(eventToMessage(ordersTopic, 'ProductShippedEvent', shippedV2Event, context)),
      { 'event-version': '3' },
    );

    expect(recordToEvent(ordersTopic, v3Record)).toMatchObject({ ok: true, metadata: { eventVersion: 3 } });
  });
});
