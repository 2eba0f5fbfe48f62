import { createTestTopic, describePartitions, testKafka } from '../index.ts';

describe('a topic with 6 partitions and replication factor 3', () => {
  it('has 3 replicas, all in sync, on every partition, with leaders spread over the brokers', async () => {
    const kafka = await testKafka('replication-spec');
    const topic = await createTestTopic(kafka, { partitions: 6, replicationFactor: 3 });

    const partitions = await describePartitions(kafka, topic);

    expect(partitions).toHaveLength(6);
    for (const partition of partitions) {
      expect([...partition.replicas].sort()).toEqual([1, 2, 3]);
      expect([...partition.isr].sort()).toEqual([1, 2, 3]);
      expect(partition.replicas).toContain(partition.leader);
    }
    // Kafka places leaders round-robin, so no broker serves all the traffic of a topic.
    const leaders = new Set(partitions.map((partition) => partition.leader));
    expect([...leaders].sort()).toEqual([1, 2, 3]);
  });
});
