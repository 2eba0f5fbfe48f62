import { runKafkaTool } from '@orderflow/kafka-cluster';
import { testCluster, testKafka } from '../index.ts';

/**
 * The cluster is what we claim: three brokers, and a KRaft controller quorum of three voters
 * (the metadata log that replaced ZooKeeper), with one of them the active controller.
 */
describe('the test cluster', () => {
  it('has three brokers registered', async () => {
    const admin = (await testKafka('kraft-quorum-spec')).admin();
    await admin.connect();
    try {
      const { brokers } = await admin.describeCluster();
      expect(brokers.map((broker) => broker.nodeId).sort()).toEqual([1, 2, 3]);
    } finally {
      await admin.disconnect();
    }
  });

  it('has a KRaft controller quorum of three voters with an elected leader', async () => {
    const { brokers } = await testCluster();
    const result = runKafkaTool('kafka-metadata-quorum', ['describe', '--status'], brokers);
    expect(result.status).toBe(0);
    // e.g. `CurrentVoters: [{"id": 1, ...}, {"id": 2, ...}, {"id": 3, ...}]` and `LeaderId: 2`
    const votersLine = /CurrentVoters:\s*(.*)/.exec(result.stdout)?.[1] ?? '';
    const voterIds = [...votersLine.matchAll(/"id":\s*(\d+)/g)].map((match) => Number(match[1])).sort();
    expect(voterIds).toEqual([1, 2, 3]);
    const leaderId = Number(/LeaderId:\s*(\d+)/.exec(result.stdout)?.[1]);
    expect(voterIds).toContain(leaderId);
  });
});
