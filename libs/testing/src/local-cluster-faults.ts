import type { LocalKafkaCluster } from '@orderflow/kafka-cluster';
import type { ClusterFaults } from './cluster-faults.ts';

/** Faults for the local cluster: LocalKafkaCluster signals its broker processes. */
export function localClusterFaults(cluster: LocalKafkaCluster): ClusterFaults {
  return {
    nodes: () => cluster.nodes(),
    stopBroker: (id) => cluster.stopBroker(id),
    killBroker: (id) => cluster.killBroker(id),
    pauseBroker: async (id) => cluster.pauseBroker(id),
    resumeBroker: async (id) => cluster.resumeBroker(id),
    startBroker: (id) => cluster.startBroker(id),
    restore: async () => {
      await cluster.up();
    },
    waitForFullIsr: (timeoutMs, topics) => cluster.waitForFullIsr(timeoutMs, topics),
  };
}
