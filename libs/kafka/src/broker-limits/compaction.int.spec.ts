import { defaultTopicSettings, defineTopic, nullCodec, Sku, topicConfigEntries } from '@orderflow/events';
import { describePartitions, testKafka, uniqueGroupId, uniqueTopicName, waitFor } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import { createEventProducer } from '../producer/event-producer.ts';
import { testContext } from '../spec-helpers/order-events.ts';

// Compaction on a real topic: what the log holds before the cleaner has run and after. The
// cleaner never touches the active segment and, when idle, wakes every 15 s
// (log.cleaner.backoff.ms), so the topic closes segments fast (segment.ms) for it.
const skuRetirements = defineTopic({
  ...defaultTopicSettings,
  partitions: 1,
  config: { ...defaultTopicSettings.config, 'cleanup.policy': 'compact' },
  name: uniqueTopicName('compacted'),
  writer: 'inventory-service',
  readers: [],
  // The retirement of a sku is a tombstone: the key is the whole event (the null codec).
  events: { SkuRetiredEvent: { schema: Sku, version: 1, minVersion: 1 } },
  codec: nullCodec,
  key: (sku) => sku,
});
const fastCleaning = { 'segment.ms': '100', 'min.cleanable.dirty.ratio': '0.01' };

async function createCompactedTopic(kafka: Kafka): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const configEntries = [
      ...topicConfigEntries(skuRetirements),
      ...Object.entries(fastCleaning).map(([name, value]) => ({ name, value })),
    ];
    await admin.createTopics({
      topics: [{ topic: skuRetirements.name, numPartitions: 1, replicationFactor: 3, configEntries }],
      waitForLeaders: false,
    });
  } finally {
    await admin.disconnect();
  }
  // As createTestTopic does: metadata reaches every broker in its own time.
  await waitFor(async () => ((await describePartitions(kafka, skuRetirements.name))[0]?.leader ?? -1) >= 0, {
    description: 'a leader for the compacted topic',
  });
}

/** Every record the log holds now, as `offset key=value` (a tombstone's value: null). */
async function logContents(kafka: Kafka, topic: string): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  const [{ high = '0' } = {}] = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: uniqueGroupId('compaction-reader') });
  const records: string[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ message }) => {
        records.push(
          `${message.offset} ${message.key?.toString()}=${message.value === null ? 'null' : message.value.toString()}`,
        );
        if (BigInt(message.offset) + 1n >= BigInt(high)) resolve();
      },
    });
  });
  await done;
  await consumer.disconnect();
  return records;
}

describe('a compacted topic', () => {
  it('keeps every value until the cleaner runs, then the latest per key, a tombstone wiping its key out', async () => {
    const kafka = await testKafka('compaction-spec');
    await createCompactedTopic(kafka);
    const plain = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    const events = createEventProducer({ kafka });
    await Promise.all([plain.connect(), events.start()]);
    const write = (key: string, value: string) =>
      plain.send({ topic: skuRetirements.name, acks: -1, messages: [{ key, value }] });
    const topic = skuRetirements.name;
    try {
      await write('SKU-MOUSE', 'retiring soon');
      await write('SKU-PEN', 'in stock');
      await events.publish(skuRetirements, 'SkuRetiredEvent', 'SKU-MOUSE', testContext());
      // Nothing is compacted yet: the records sit in the active segment, the old value included.
      expect(await logContents(kafka, topic)).toEqual([
        '0 SKU-MOUSE=retiring soon',
        '1 SKU-PEN=in stock',
        '2 SKU-MOUSE=null',
      ]);

      // A record written after segment.ms closes the segment before it, which the cleaner may compact.
      const compacted = await waitFor(
        async () => {
          await write('SKU-INK', 'in stock');
          const records = await logContents(kafka, topic);
          return records[0]?.startsWith('0 ') ? undefined : records;
        },
        { description: 'the cleaner to drop the overwritten SKU-MOUSE value', timeoutMs: 90_000, intervalMs: 1_000 },
      );
      // SKU-PEN's only value stays, at its offset; no value of SKU-MOUSE is left. Its tombstone
      // stays a while (delete.retention.ms, 1 day by default) to tell readers to forget the key.
      expect(compacted[0]).toBe('1 SKU-PEN=in stock');
      expect(compacted.filter((record) => / SKU-MOUSE=(?!null$)/.test(record))).toEqual([]);
      expect(compacted).toContain('2 SKU-MOUSE=null');
    } finally {
      await Promise.all([plain.disconnect(), events.stop()]);
    }
  });
});
