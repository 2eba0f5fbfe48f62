import { createTestTopic, testCluster, testKafka, uniqueGroupId, waitFor } from '@orderflow/testing';
import type { Admin, Consumer, Kafka } from 'kafkajs';
import { createRebalanceTimeline } from '../domain/rebalance-timeline.ts';
import type { RecordSummary } from '../domain/record-summary.ts';
import { createClusterReader } from './cluster-reader.ts';
import { describeQuorum } from './describe-quorum.ts';
import { createTailConsumer } from './tail-consumer.ts';

// Against the real 3-broker cluster: what the console reads, and how.

describe('the console reading the real cluster', () => {
  let brokers: string[];
  let kafka: Kafka;
  let admin: Admin;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    ({ brokers } = await testCluster());
    kafka = await testKafka('console-int');
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect()));
    await admin?.disconnect();
  });

  it('asks DescribeQuorum, framed by hand, and hears of 3 voters, one of them the leader', async () => {
    const quorum = await describeQuorum(brokers[0] ?? '');

    expect(quorum.voters.map((voter) => voter.replicaId).sort()).toEqual([1, 2, 3]);
    expect([1, 2, 3]).toContain(quorum.leaderId);
    expect(BigInt(quorum.highWatermark)).toBeGreaterThan(0n);
  });

  it("reads the brokers, a topic's partitions and offsets, and a group's member with its committed offsets and lag", async () => {
    const topic = await createTestTopic(kafka, { partitions: 2 });
    const groupId = uniqueGroupId('console-int');
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({ topic, messages: [0, 1, 2].map((n) => ({ key: 'k', value: `v${n}`, partition: 0 })) });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async () => {} });
    const reader = createClusterReader({
      admin: () => admin,
      bootstrap: brokers,
      clientId: 'console-int',
      topics: [topic],
      groups: new Map([[groupId, [topic]]]),
      timeline: createRebalanceTimeline(),
      timeoutMs: 5_000,
    });

    const view = await waitFor(
      async () => {
        const read = await reader.read([]);
        const partitions = read.groups[0]?.members[0]?.partitions ?? [];
        return partitions.find((held) => held.partition === 0)?.committed === '3' ? read : undefined;
      },
      { description: 'the group to commit offset 3 on partition 0', timeoutMs: 30_000 },
    );

    expect(view.brokers.map((broker) => [broker.nodeId, broker.up])).toEqual([
      [1, true],
      [2, true],
      [3, true],
    ]);
    expect(view.quorum.known).toBe(true);
    const [zero, one] = view.topics[0]?.partitions ?? [];
    expect(zero).toMatchObject({ partition: 0, logStart: '0', logEnd: '3', replicas: [1, 2, 3], isr: [1, 2, 3] });
    expect(one).toMatchObject({ partition: 1, logEnd: '0' });
    expect(view.groups[0]).toMatchObject({ groupId, state: 'Stable', totalLag: 0, uncommitted: 1 });
    expect(view.groups[0]?.members[0]?.partitions).toEqual([
      { topic, partition: 0, committed: '3', logEnd: '3', lag: 0 },
      { topic, partition: 1, committed: undefined, logEnd: '0', lag: undefined },
    ]);
  });

  it('tails a topic from a few records before its end, keeping the envelope, and commits nothing', async () => {
    const topic = await createTestTopic(kafka, { partitions: 1 });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: [1, 2, 3, 4].map((n) => ({
        key: `order-${n}`,
        value: 'x'.repeat(n),
        headers: { 'event-type': 'OrderPlacedEvent', 'event-id': `e${n}` },
      })),
    });
    await producer.disconnect();
    const seen: RecordSummary[] = [];
    const tail = createTailConsumer({
      kafka,
      admin: () => admin,
      topics: [topic],
      startBack: 2,
      onRecord: (record) => seen.push(record),
    });
    await tail.start();
    try {
      await waitFor(() => seen.length >= 2, { description: 'the last 2 records' });

      expect(seen.map((record) => record.offset)).toEqual(['2', '3']);
      expect(seen[1]).toMatchObject({
        topic,
        partition: 0,
        key: 'order-4',
        eventType: 'OrderPlacedEvent',
        size: 4,
        headers: { 'event-type': 'OrderPlacedEvent', 'event-id': 'e4' },
      });
      const committed = await admin.fetchOffsets({ groupId: tail.groupId, topics: [topic] });
      expect(committed[0]?.partitions.map((partition) => partition.offset)).toEqual(['-1']);
    } finally {
      await tail.stop();
    }
  });
});
