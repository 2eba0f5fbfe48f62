import { recordToEvent } from '@orderflow/events';
import { consumeFromBeginning, testCluster, uniqueOrdersTopic } from '@orderflow/testing';
import { createKafkaClient } from '../client/kafka-client.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { createEventProducer } from './event-producer.ts';

describe('the event producer', () => {
  it('publishes a typed event keyed by its order id and says where it landed', async () => {
    const { brokers } = await testCluster();
    const kafka = createKafkaClient({ brokers, clientId: 'event-producer-spec' });
    const topic = uniqueOrdersTopic();
    await provisionTopics({ kafka, topics: [topic] });
    const published: number[] = [];
    const producer = createEventProducer({ kafka, metrics: { published: (_labels, count) => published.push(count) } });
    await producer.start();
    const event = orderPlaced();
    try {
      const first = await producer.publish(topic, 'OrderPlacedEvent', event, testContext());
      const second = await producer.publish(topic, 'OrderCancelledEvent', { ...event }, testContext());

      // One key, one partition, consecutive offsets.
      expect(second.partition).toBe(first.partition);
      expect(BigInt(second.offset)).toBe(BigInt(first.offset) + 1n);
      const [record] = await consumeFromBeginning(kafka, topic.name, 1);
      expect(record).toMatchObject({ partition: first.partition, offset: first.offset });
      expect(record?.message.key?.toString()).toBe(event.orderId);
      const decoded = record && recordToEvent(topic, record.message);
      expect(decoded).toMatchObject({ ok: true, type: 'OrderPlacedEvent', event });
      expect(published).toEqual([1, 1]);
    } finally {
      await producer.stop();
    }
  });
});
