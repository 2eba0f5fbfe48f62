import { clusterConditions, waitForHealth, type HealthCondition } from '@orderflow/kafka-cluster';
import type { ClusterFaults } from '../cluster-faults.ts';
import { waitFor } from '../wait-for.ts';
import { dockerEngine } from './docker-engine.ts';
import type { KafkaContainerNode } from './kafka-containers.ts';

// The same time limits as the local cluster's: a controlled shutdown may take a while when
// the broker leads many partitions; a node must rejoin within two minutes.
const GRACEFUL_STOP_TIMEOUT_MS = 30_000;
const READY_TIMEOUT_MS = 120_000;

type ContainerState = 'running' | 'paused' | 'stopped';

/**
 * Faults for the container cluster, through the Docker engine: `docker stop` (SIGTERM, then
 * SIGKILL after the timeout), `docker kill` (SIGKILL), `docker pause` (the cgroup freezer:
 * every thread stops, like SIGSTOP), `unpause` and `start`. A container keeps its data and its
 * published port while stopped, so a restarted node is the same broker at the same address.
 *
 * It works from the containers' ids, so any process can hurt the cluster another one started.
 */
export function containerClusterFaults(brokers: string[], nodes: readonly KafkaContainerNode[]): ClusterFaults {
  const container = async (id: number) => {
    const node = nodes.find((candidate) => candidate.id === id);
    if (!node) throw new Error(`No node ${id}; nodes are ${nodes.map((n) => n.id).join(', ')}`);
    return (await dockerEngine()).container.getById(node.containerId);
  };
  const stateOf = async (id: number): Promise<ContainerState> => {
    const { State } = await (await container(id)).inspect();
    return State.Paused ? 'paused' : State.Running ? 'running' : 'stopped';
  };
  const waitUntil = (condition: HealthCondition, timeoutMs = READY_TIMEOUT_MS) =>
    waitForHealth(brokers, condition, { timeoutMs });

  const faults: ClusterFaults = {
    nodes: () => nodes,
    async stopBroker(id) {
      await faults.resumeBroker(id); // a frozen process cannot act on SIGTERM
      const client = await dockerEngine();
      await client.container.stop(await container(id), { timeout: GRACEFUL_STOP_TIMEOUT_MS });
    },
    async killBroker(id) {
      if ((await stateOf(id)) === 'stopped') return;
      // SIGKILL reaches a paused container too.
      await (await container(id)).kill({ signal: 'SIGKILL' });
      await waitFor(async () => (await stateOf(id)) === 'stopped', {
        description: `the container of node ${id} to exit`,
      });
    },
    async pauseBroker(id) {
      if ((await stateOf(id)) === 'running') await (await container(id)).pause();
    },
    async resumeBroker(id) {
      if ((await stateOf(id)) === 'paused') await (await container(id)).unpause();
    },
    async startBroker(id) {
      await faults.resumeBroker(id);
      if ((await stateOf(id)) !== 'stopped') return;
      await (await dockerEngine()).container.start(await container(id));
      await waitUntil(clusterConditions.registered(id));
    },
    async restore() {
      for (const node of nodes) await faults.resumeBroker(node.id);
      const client = await dockerEngine();
      const stopped = [];
      for (const node of nodes) if ((await stateOf(node.id)) === 'stopped') stopped.push(node.id);
      await Promise.all(stopped.map(async (id) => client.container.start(await container(id))));
      await waitUntil(clusterConditions.healthy(nodes.length));
    },
    waitForFullIsr: (timeoutMs, topics) => waitUntil(clusterConditions.fullIsr(topics), timeoutMs),
  };
  return faults;
}
