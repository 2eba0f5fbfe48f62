import type { Kafka, Message } from 'kafkajs';
import {
  type ClusterFaults,
  consumeFromBeginning,
  createTestTopic,
  describePartitions,
  restoreTestCluster,
  testClusterFaults,
  testKafka,
  waitFor,
} from '../index.ts';

const messages = (label: string, count: number): Message[] =>
  Array.from({ length: count }, (_, index) => ({ key: `key-${index % 10}`, value: `${label}-${index}` }));

/** The Kafka error types anywhere in an error's cause chain (kafkajs wraps retried errors). */
function errorTypes(error: unknown): string[] {
  const types: string[] = [];
  for (let current = error; current instanceof Error; current = current.cause) {
    if ('type' in current && typeof current.type === 'string') types.push(current.type);
  }
  return types;
}

async function sendWithAcksAll(kafka: Kafka, topic: string, batch: Message[]): Promise<void> {
  // Few retries: when the write must fail, the test should learn it in seconds.
  const producer = kafka.producer({ retry: { retries: 2, initialRetryTime: 200 } });
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: batch });
  } finally {
    await producer.disconnect();
  }
}

/**
 * Replication factor 3 with min.insync.replicas=2: one broker may die without losing an
 * acknowledged write or refusing a new one; with two dead, acks=all writes are refused rather
 * than accepted with a single copy. (In this combined-mode cluster two dead nodes also means
 * the KRaft quorum is lost until one returns.)
 */
describe('replication when brokers fail', () => {
  let cluster: ClusterFaults | undefined;

  beforeAll(async () => {
    cluster = await testClusterFaults();
  });

  afterAll(async () => {
    // Leave the shared cluster as we found it, even when the test failed half-way.
    if (cluster) await restoreTestCluster(cluster);
  }, 180_000);

  it('keeps acks=all writes with one broker down, refuses them with two down, and recovers', async () => {
    if (!cluster) throw new Error('no test cluster to inject faults into');
    const kafka = await testKafka('broker-failure-spec', { retry: { retries: 5, initialRetryTime: 200 } });
    const topic = await createTestTopic(kafka);
    await sendWithAcksAll(kafka, topic, messages('before', 100));
    // Read once while all three brokers run. On a fresh cluster (the container phase runs this
    // suite first) the first group request is what makes __consumer_offsets, with RF 3: made
    // with a broker down, a new group would find no coordinator until it returns.
    expect(await consumeFromBeginning(kafka, topic, 100)).toHaveLength(100);

    // Stop the leader of partition 0, so a leader election has to happen.
    const firstVictim = (await describePartitions(kafka, topic))[0]?.leader ?? 1;
    await cluster.stopBroker(firstVictim);
    const afterFirst = await waitFor(
      async () => {
        const partitions = await describePartitions(kafka, topic);
        const moved = partitions.every((p) => p.leader !== firstVictim && !p.isr.includes(firstVictim));
        return moved && partitions;
      },
      { description: `leaders and ISR to leave broker ${firstVictim}` },
    );
    for (const partition of afterFirst) expect(partition.isr).toHaveLength(2);

    await sendWithAcksAll(kafka, topic, messages('one-down', 100));
    const everything = await consumeFromBeginning(kafka, topic, 200);
    const values = new Set(everything.map((record) => record.message.value?.toString()));
    for (const message of [...messages('before', 100), ...messages('one-down', 100)]) {
      expect(values).toContain(message.value);
    }

    // A second broker down: only one in-sync replica is left, fewer than min.insync.replicas.
    const secondVictim = [1, 2, 3].find((id) => id !== firstVictim) ?? 2;
    await cluster.stopBroker(secondVictim);
    const refused = await sendWithAcksAll(kafka, topic, messages('two-down', 10)).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(Error);
    expect(errorTypes(refused)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^NOT_ENOUGH_REPLICAS(_AFTER_APPEND)?$/)]),
    );

    // Both back: every partition returns to three in-sync replicas.
    await cluster.startBroker(firstVictim);
    await cluster.startBroker(secondVictim);
    await cluster.waitForFullIsr();
    for (const partition of await describePartitions(kafka, topic)) {
      expect([...partition.isr].sort()).toEqual([1, 2, 3]);
    }
  });
});
