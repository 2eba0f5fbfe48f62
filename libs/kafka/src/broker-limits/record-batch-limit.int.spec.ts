import { randomUUID } from 'node:crypto';
import {
  assertFitsTopic,
  defineTopic,
  encodedSize,
  eventToMessage,
  EventTooLargeError,
  recordBatchSize,
} from '@orderflow/events';
import { recordCount, testCluster, uniqueOrdersTopic } from '@orderflow/testing';
import { createKafkaClient } from '../client/kafka-client.ts';
import { createEventProducer } from '../producer/event-producer.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';

// The broker's max.message.bytes limits a record *batch*: every record one request carries for
// one partition. EventTooLargeError checks one event at a time, and kafkajs does not split a
// batch by size, so many events that each fit can still be refused together. (A small limit
// keeps the test small; the default, 1048588 bytes, works the same way.)
describe('the broker size limit', () => {
  it('applies to the whole record batch: events that each fit are refused together, and accepted one by one', async () => {
    const { brokers } = await testCluster();
    const kafka = createKafkaClient({ brokers, clientId: 'record-batch-limit-spec' });
    const base = uniqueOrdersTopic('batch-limit');
    const topic = defineTopic({ ...base, config: { ...base.config, 'max.message.bytes': 20_000 } });
    await provisionTopics({ kafka, topics: [topic] });
    // Ten events of one order (one key, so one partition), about 4 KB each.
    const orderId = randomUUID();
    const items = Array.from({ length: 60 }, (_, index) => ({
      sku: `SKU-${String(index).padStart(40, '0')}`,
      quantity: 1,
    }));
    const messages = Array.from({ length: 10 }, () =>
      eventToMessage(topic, 'OrderPlacedEvent', { ...orderPlaced(orderId), items }, testContext()),
    );
    for (const message of messages) expect(() => assertFitsTopic(topic, 'OrderPlacedEvent', message)).not.toThrow();
    expect(messages.reduce((sum, message) => sum + encodedSize(message), 0)).toBeGreaterThan(20_000);

    const producer = createEventProducer({ kafka });
    await producer.start();
    try {
      await expect(producer.publishMessages([{ topic: topic.name, messages }])).rejects.toMatchObject({
        type: 'MESSAGE_TOO_LARGE',
      });
      expect(await recordCount(kafka, topic.name)).toBe(0);

      for (const message of messages) await producer.publishMessages([{ topic: topic.name, messages: [message] }]);
      expect(await recordCount(kafka, topic.name)).toBe(10);
    } finally {
      await producer.stop();
    }
  });
  it('checks a message sent alone exactly as recordBatchSize() counts it: the limit is accepted, one byte more refused, as assertFitsTopic says', async () => {
    const { brokers } = await testCluster();
    const kafka = createKafkaClient({ brokers, clientId: 'record-batch-limit-spec' });
    const limit = 20_000;
    const base = uniqueOrdersTopic('exact-limit');
    const topic = defineTopic({ ...base, config: { ...base.config, 'max.message.bytes': limit } });
    await provisionTopics({ kafka, topics: [topic] });
    // A real event's key and headers, its value grown to the limit.
    const event = eventToMessage(topic, 'OrderPlacedEvent', orderPlaced(randomUUID()), testContext());
    const withValue = (bytes: number) => ({ ...event, value: Buffer.alloc(bytes, 'x') });
    let valueBytes = limit;
    while (recordBatchSize(withValue(valueBytes)) > limit) valueBytes -= 1;
    const exact = withValue(valueBytes);
    const oneMore = withValue(valueBytes + 1);
    expect(recordBatchSize(exact)).toBe(limit);
    expect(() => assertFitsTopic(topic, 'OrderPlacedEvent', exact)).not.toThrow();
    expect(() => assertFitsTopic(topic, 'OrderPlacedEvent', oneMore)).toThrow(EventTooLargeError);

    const producer = createEventProducer({ kafka });
    await producer.start();
    try {
      await producer.publishMessages([{ topic: topic.name, messages: [exact] }]);
      await expect(producer.publishMessages([{ topic: topic.name, messages: [oneMore] }])).rejects.toMatchObject({
        type: 'MESSAGE_TOO_LARGE',
      });
      expect(await recordCount(kafka, topic.name)).toBe(1);
    } finally {
      await producer.stop();
    }
  });
});
