import { clusterConditions, type ClusterHealth } from './cluster-health.ts';

/** A cluster's answers, as ClusterHealth would give them. */
const answering = (answers: { registered: number[]; replicates: boolean; coordinator: boolean }) =>
  ({
    registeredBrokerIds: async () => answers.registered,
    replicationWorks: async () => answers.replicates,
    groupCoordinatorReady: async () => answers.coordinator,
  }) as unknown as ClusterHealth;

describe('a healthy test cluster', () => {
  it('has all brokers registered, replicates, and has a group coordinator (so __consumer_offsets exists while all are up)', async () => {
    const healthy = clusterConditions.healthy(3);
    await expect(healthy.check(answering({ registered: [1, 2, 3], replicates: true, coordinator: true }))).resolves.toBe(true);
    await expect(healthy.check(answering({ registered: [1, 2, 3], replicates: true, coordinator: false }))).resolves.toBe(false);
    await expect(healthy.check(answering({ registered: [1, 2], replicates: true, coordinator: true }))).resolves.toBe(false);
    await expect(healthy.check(answering({ registered: [1, 2, 3], replicates: false, coordinator: true }))).resolves.toBe(false);
  });
});
