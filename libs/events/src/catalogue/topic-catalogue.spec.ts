import { avroCodec } from '../codecs/avro-codec.ts';
import { jsonCodec } from '../codecs/json-codec.ts';
import { eventToMessage } from '../envelope/event-to-message.ts';
import { context } from '../spec-helpers/as-consumed-record.ts';
import { orderId, validExamples } from '../spec-helpers/event-examples.ts';
import { inventoryTopic, ordersTopic, topics } from './topic-catalogue.ts';
import { topicConfigEntries, type TopicDefinition } from './topic-definition.ts';

describe('the topic catalogue', () => {
  it('declares orders and inventory, each with one writer, its readers, events and codec', () => {
    const table = Object.values(topics).map((topic) => ({
      name: topic.name,
      writer: topic.writer,
      readers: topic.readers,
      events: Object.keys(topic.events),
      codec: topic.codec.name,
    }));

    expect(table).toEqual([
      {
        name: 'orders',
        writer: 'order-service',
        readers: ['inventory-service', 'notification-service'],
        events: [
          'OrderPlacedEvent',
          'OrderConfirmedEvent',
          'OrderRejectedEvent',
          'OrderCancelledEvent',
          'ProductShippedEvent',
        ],
        codec: 'json',
      },
      {
        name: 'inventory',
        writer: 'inventory-service',
        readers: ['order-service'],
        events: ['StockReservedEvent', 'StockReservationFailedEvent', 'StockReleasedEvent'],
        codec: 'avro',
      },
    ]);
    expect(ordersTopic.codec).toBe(jsonCodec);
    expect(inventoryTopic.codec).toBe(avroCodec);
  });

  it.each(Object.values(topics))('gives $name 6 partitions, 3 replicas and min.insync.replicas 2', (topic) => {
    expect(topic).toMatchObject({ partitions: 6, replicationFactor: 3 });
    expect(topic.config).toEqual({
      'cleanup.policy': 'delete',
      'min.insync.replicas': 2,
      'retention.ms': 604_800_000,
      'max.message.bytes': 1_048_588,
      'message.timestamp.type': 'CreateTime',
    });
  });

  it('keys every event by its order id, so one order stays in one partition, in order', () => {
    for (const topic of Object.values(topics) as TopicDefinition[]) {
      for (const type of Object.keys(topic.events)) {
        expect(topic.key(validExamples[type as keyof typeof validExamples])).toBe(orderId);
      }
    }
  });

  it('gives the config as admin API entries, values as strings', () => {
    expect(topicConfigEntries(ordersTopic)).toContainEqual({ name: 'min.insync.replicas', value: '2' });
    expect(topicConfigEntries(ordersTopic)).toContainEqual({ name: 'max.message.bytes', value: '1048588' });
  });

  it('cannot be changed at run time', () => {
    expect(Object.isFrozen(ordersTopic)).toBe(true);
  });

  it('makes publishing an event on a topic that does not carry it a type error', () => {
    const publishOnWrongTopic = () =>
      // @ts-expect-error StockReservedEvent belongs to the inventory topic, not to orders.
      eventToMessage(ordersTopic, 'StockReservedEvent', validExamples.StockReservedEvent, context);
    const publishWrongShape = () =>
      // @ts-expect-error an OrderPlacedEvent needs customerId, email and items.
      eventToMessage(ordersTopic, 'OrderPlacedEvent', validExamples.StockReservedEvent, context);

    // And at run time (from JavaScript, say) they fail too.
    expect(publishOnWrongTopic).toThrow('topic orders does not carry this event');
    expect(publishWrongShape).toThrow('customerId');
  });
});
