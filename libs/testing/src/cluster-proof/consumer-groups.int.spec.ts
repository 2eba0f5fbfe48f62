import { AssignerProtocol, type Consumer, type Kafka } from 'kafkajs';
import { consumeFromBeginning, createTestTopic, testKafka, uniqueGroupId, waitFor } from '../index.ts';

/** Starts a consumer in `groupId` and tracks which partitions of `topic` it was assigned last. */
async function startMember(kafka: Kafka, groupId: string, topic: string) {
  // Frequent heartbeats: a member learns of a rebalance at its next heartbeat.
  const consumer = kafka.consumer({ groupId, heartbeatInterval: 500 });
  const member = { consumer, memberId: '', partitions: [] as number[] };
  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    member.memberId = payload.memberId;
    member.partitions = [...(payload.memberAssignment[topic] ?? [])].sort((a, b) => a - b);
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({ eachMessage: async () => {} });
  return member;
}

/** The group as the group coordinator (a broker) sees it: state, and partitions per member. */
async function describeGroup(kafka: Kafka, groupId: string, topic: string) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    const assignments = new Map<string, number[]>();
    for (const member of group?.members ?? []) {
      const decoded = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
      assignments.set(
        member.memberId,
        [...(decoded?.assignment[topic] ?? [])].sort((a, b) => a - b),
      );
    }
    return { state: group?.state, assignments };
  } finally {
    await admin.disconnect();
  }
}

describe('consumer groups', () => {
  const consumers: Consumer[] = [];
  afterEach(async () => {
    await Promise.all(consumers.splice(0).map((consumer) => consumer.disconnect()));
  });

  it('split the 6 partitions of a topic between two members of one group, none held twice', async () => {
    const kafka = await testKafka('consumer-groups-spec');
    const topic = await createTestTopic(kafka);
    const groupId = uniqueGroupId();

    const first = await startMember(kafka, groupId, topic);
    consumers.push(first.consumer);
    await waitFor(() => first.partitions.length === 6, { description: 'the first member to hold all 6 partitions' });
    const second = await startMember(kafka, groupId, topic);
    consumers.push(second.consumer);

    // The second member's arrival triggers a rebalance; once the group is stable again the
    // coordinator's view and each member's own view agree: 3 partitions each, none twice.
    const group = await waitFor(
      async () => {
        const described = await describeGroup(kafka, groupId, topic);
        const settled =
          described.state === 'Stable' &&
          described.assignments.size === 2 &&
          described.assignments.get(first.memberId)?.join() === first.partitions.join() &&
          described.assignments.get(second.memberId)?.join() === second.partitions.join();
        return settled && described;
      },
      { description: 'the group to be stable with both members' },
    );
    expect(first.partitions).toHaveLength(3);
    expect(second.partitions).toHaveLength(3);
    expect([...first.partitions, ...second.partitions].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect([...group.assignments.values()].flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('let a second group read everything again: consuming deletes nothing', async () => {
    const kafka = await testKafka('consumer-groups-spec');
    const topic = await createTestTopic(kafka);
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 60 }, (_, index) => ({ key: `key-${index % 12}`, value: `message ${index}` })),
    });
    await producer.disconnect();

    const firstGroup = await consumeFromBeginning(kafka, topic, 60);
    const secondGroup = await consumeFromBeginning(kafka, topic, 60);

    const values = (records: typeof firstGroup) => records.map((record) => record.message.value?.toString()).sort();
    expect(secondGroup).toHaveLength(60);
    expect(values(secondGroup)).toEqual(values(firstGroup));
  });
});
