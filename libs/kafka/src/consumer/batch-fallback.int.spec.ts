import { deadLetterTopic, defineTopic, eventToMessage, ordersTopic, OrderflowError } from '@orderflow/events';
import { consumeFromBeginning, testKafka, uniqueGroupId, uniqueTopicName, waitFor } from '@orderflow/testing';
import { createEventProducer } from '../producer/event-producer.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { createConsumerRunner, type ConsumerRunner } from './consumer-runner.ts';

// A poison record in a fetched batch fails the whole batch's transaction. The runner finds it
// by halves: it ends up alone (and dead-lettered), and the records around it still commit in
// batches, instead of the rest of the batch going one record, one transaction, at a time.
// One partition, so the 40 records come in one fetched batch.

describe('a batch with a poison record in it', () => {
  const topic = defineTopic({ ...ordersTopic, name: uniqueTopicName('batch-fallback'), partitions: 1 });
  const groupId = uniqueGroupId('batch-fallback');
  let runner: ConsumerRunner | undefined;
  afterEach(() => runner?.stop());

  it('isolates the poison record by halves: it alone is dead-lettered, the others still go in batches', async () => {
    const kafka = await testKafka('batch-fallback');
    await provisionTopics({ kafka, topics: [topic, deadLetterTopic(topic, groupId)] });
    const producer = createEventProducer({ kafka });
    await producer.start();
    const orderId = crypto.randomUUID();
    const messages = Array.from({ length: 40 }, (_, index) =>
      eventToMessage(
        topic,
        'OrderPlacedEvent',
        { ...orderPlaced(orderId), items: [{ sku: index === 10 ? 'SKU-GONE' : 'SKU-OK', quantity: index + 1 }] },
        testContext(),
      ),
    );
    await producer.publishMessages([{ topic: topic.name, messages }]);
    await producer.stop();

    const committedRuns: number[] = [];
    runner = createConsumerRunner({
      kafka,
      groupId,
      topics: [topic],
      batchHandler: async (items) => {
        if (items.some(({ event }) => event.type === 'OrderPlacedEvent' && event.event.items[0]?.sku === 'SKU-GONE'))
          throw new OrderflowError('no such sku SKU-GONE', { code: 'invalid-event', retriable: false });
        committedRuns.push(items.length);
        return items.map(() => 'processed' as const);
      },
    });
    await runner.start();

    await waitFor(() => (runner?.status().processed === 39 && runner.status().deadLettered === 1) || undefined, {
      description: '39 processed, 1 dead-lettered',
    });
    const [deadLetter] = await consumeFromBeginning(kafka, deadLetterTopic(topic, groupId).name, 1);
    expect(String(deadLetter?.message.headers?.['dlt-error-code'])).toBe('invalid-event');
    // Every record committed once; all but the few next to the poison one in batches.
    expect(committedRuns.reduce((sum, size) => sum + size, 0)).toBe(39);
    expect(committedRuns.filter((size) => size > 1).reduce((sum, size) => sum + size, 0)).toBeGreaterThan(30);
  }, 60_000);
});
