import { consumeFromBeginning, createTestTopic, testKafka } from '../index.ts';

const KEYS = 30;
const MESSAGES_PER_KEY = 20; // 600 messages in all

describe('keyed messages from an idempotent acks=all producer', () => {
  it('put every key on exactly one partition and keep per-key order on consumption', async () => {
    const kafka = await testKafka('keyed-ordering-spec');
    const topic = await createTestTopic(kafka);
    // Idempotent: the broker drops duplicates of a retried batch. One request in flight keeps
    // batches of one partition in order even when a retry happens.
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    try {
      // Interleave keys (round 0 of every key, then round 1, ...) in batches, as real traffic would.
      for (let sequence = 0; sequence < MESSAGES_PER_KEY; sequence++) {
        const messages = Array.from({ length: KEYS }, (_, key) => ({
          key: `order-${key}`,
          value: JSON.stringify({ key: `order-${key}`, sequence }),
        }));
        await producer.send({ topic, acks: -1, messages });
      }
    } finally {
      await producer.disconnect();
    }

    const records = await consumeFromBeginning(kafka, topic, KEYS * MESSAGES_PER_KEY);

    expect(records).toHaveLength(KEYS * MESSAGES_PER_KEY);
    const partitionsByKey = new Map<string, Set<number>>();
    const sequencesByKey = new Map<string, number[]>();
    for (const { partition, message } of records) {
      const key = message.key?.toString() ?? '';
      partitionsByKey.set(key, (partitionsByKey.get(key) ?? new Set()).add(partition));
      const { sequence } = JSON.parse(message.value?.toString() ?? '{}') as { sequence: number };
      sequencesByKey.set(key, [...(sequencesByKey.get(key) ?? []), sequence]);
    }
    expect(partitionsByKey.size).toBe(KEYS);
    for (const [key, partitions] of partitionsByKey) {
      expect({ key, partitions: partitions.size }).toEqual({ key, partitions: 1 });
    }
    const inOrder = Array.from({ length: MESSAGES_PER_KEY }, (_, sequence) => sequence);
    for (const [key, sequences] of sequencesByKey) {
      expect({ key, sequences }).toEqual({ key, sequences: inOrder });
    }
    // Many keys spread over the partitions: keys are also how load is shared.
    const usedPartitions = new Set(records.map((record) => record.partition));
    expect(usedPartitions.size).toBeGreaterThan(1);
  });
});
