import type { Kafka, KafkaMessage, PartitionMetadata } from 'kafkajs';
import { uniqueGroupId, uniqueTopicName } from './unique-names.ts';
import { waitFor } from './wait-for.ts';

/**
 * Creates a fresh topic for one test (6 partitions, replication factor 3 by default, like the
 * project's real topics) and waits until every partition has a leader. Returns its name.
 */
export async function createTestTopic(
  kafka: Kafka,
  options: { prefix?: string; partitions?: number; replicationFactor?: number } = {},
): Promise<string> {
  const topic = uniqueTopicName(options.prefix);
  const partitions = options.partitions ?? 6;
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.createTopics({
      topics: [{ topic, numPartitions: partitions, replicationFactor: options.replicationFactor ?? 3 }],
      waitForLeaders: false, // kafkajs defaults to true
    });
  } finally {
    await admin.disconnect();
  }
  // Not kafkajs's `waitForLeaders`, which gives up with UNKNOWN_TOPIC_OR_PARTITION when it asks a
  // broker whose metadata has not caught up yet (e.g. one that just restarted). Metadata
  // spreads through the cluster asynchronously, so wait until it shows every leader.
  await waitFor(
    async () => {
      const described = await describePartitions(kafka, topic);
      return described.length === partitions && described.every((partition) => partition.leader >= 0);
    },
    { description: `leaders for all ${partitions} partitions of ${topic}` },
  );
  return topic;
}

/** The partitions of a topic as the cluster reports them: leader, replicas, in-sync replicas. */
export async function describePartitions(kafka: Kafka, topic: string): Promise<PartitionMetadata[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return [...(topics[0]?.partitions ?? [])].sort((a, b) => a.partitionId - b.partitionId);
  } finally {
    await admin.disconnect();
  }
}

/** Records a topic holds now: over its partitions, high minus low watermark. 0 if it does not exist. */
export async function recordCount(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } catch {
    return 0;
  } finally {
    await admin.disconnect();
  }
}

export interface ConsumedRecord {
  readonly partition: number;
  readonly offset: string;
  readonly message: KafkaMessage;
}

/**
 * Reads a topic from the earliest offset with a brand-new consumer group until `count` records
 * have arrived, then leaves the group. A fresh group has no committed offsets, so this sees
 * everything the log still holds, whoever else has read it before.
 */
export async function consumeFromBeginning(
  kafka: Kafka,
  topic: string,
  count: number,
  timeoutMs = 60_000,
): Promise<ConsumedRecord[]> {
  const consumer = kafka.consumer({ groupId: uniqueGroupId('reader') });
  const records: ConsumedRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ partition, message }) => {
        records.push({ partition, offset: message.offset, message });
      },
    });
    await waitFor(() => records.length >= count, {
      description: `${count} records on ${topic} (have ${records.length})`,
      timeoutMs,
    });
    return records;
  } finally {
    await consumer.disconnect();
  }
}
