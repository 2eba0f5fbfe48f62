import type { Readable } from 'node:stream';
import { BROKER_DEFAULTS, clusterConditions, newClusterId, waitForHealth } from '@orderflow/kafka-cluster';
import { findFreePort } from '@orderflow/service';
import { GenericContainer, Network, Wait, type StartedNetwork, type StartedTestContainer } from 'testcontainers';
import { kafkaImage } from './container-images.ts';
import { dockerEngine } from './docker-engine.ts';
import { kafkaEnvironment } from './kafka-environment.ts';

export interface KafkaContainersOptions {
  /** Default: kafkaImage() (KAFKA_IMAGE, else apache/kafka at the project's Kafka version). */
  readonly image?: string;
  /** Names containers `<prefix>-kafka-<id>`, so `docker ps` shows whose they are. */
  readonly namePrefix?: string;
  readonly nodeIds?: readonly number[];
  readonly heapMb?: number;
  /** For the containers to start (storage format, then the broker: two JVM starts), then to replicate. */
  readonly startupTimeoutMs?: number;
}

export const KAFKA_CONTAINERS_DEFAULTS = Object.freeze({
  namePrefix: 'orderflow-test',
  nodeIds: [1, 2, 3] as readonly number[],
  // As the local cluster's nodes: three of them leave room for the services and the tests.
  heapMb: 512,
  startupTimeoutMs: 180_000,
});

/** One node of the container cluster: what a test process needs to reach and hurt it. */
export interface KafkaContainerNode {
  readonly id: number;
  readonly containerId: string;
  /** The host port of its EXTERNAL listener, on 127.0.0.1. */
  readonly hostPort: number;
}

export interface KafkaContainers {
  /** Bootstrap servers for programs on this machine, e.g. `127.0.0.1:40123`. */
  readonly brokers: string[];
  readonly nodes: readonly KafkaContainerNode[];
  /** Removes the containers (with their data) and the network. */
  stop(): Promise<void>;
}

// The listeners, as in docker-compose.yml: INTERNAL between brokers (kafka-N on the network),
// EXTERNAL for programs on the host (a published port), CONTROLLER for the KRaft quorum.
const INTERNAL_PORT = 19092;
const EXTERNAL_PORT = 9092;
const CONTROLLER_PORT = 9093;

/**
 * Three `apache/kafka` containers on a testcontainers Network, KRaft combined mode (each node
 * a broker and one of three controller voters), with the local cluster's broker defaults.
 *
 * A broker must advertise an address its clients can reach, and it is set before the broker
 * starts; Docker's usual random host port is known only after. So each node gets a free host
 * port chosen first, and advertises 127.0.0.1:<that port>. A fixed binding also survives
 * `docker stop` and `start`, which fault injection does. All nodes start at once: a KRaft
 * node finishes starting only once a quorum (2 of 3 voters) answers.
 */
export async function startKafkaContainers(options: KafkaContainersOptions = {}): Promise<KafkaContainers> {
  const { image, namePrefix, nodeIds, heapMb, startupTimeoutMs } = {
    ...KAFKA_CONTAINERS_DEFAULTS,
    image: kafkaImage(),
    ...options,
  };
  await dockerEngine();
  const hostPorts = await distinctFreePorts(nodeIds.length);
  const clusterId = newClusterId();
  const voters = nodeIds.map((id) => `${id}@kafka-${id}:${CONTROLLER_PORT}`).join(',');
  const network = await new Network().start();

  // The last lines of each node's output, for the error when the cluster does not come up.
  const recentLogs = new Map(nodeIds.map((id) => [id, [] as string[]]));
  const keepRecent = (id: number) => (stream: Readable) =>
    stream.on('data', (chunk: Buffer) => {
      const lines = recentLogs.get(id) ?? [];
      lines.push(...chunk.toString('utf8').trimEnd().split('\n'));
      lines.splice(0, lines.length - 10);
    });
  const withRecentLogs = (message: string) =>
    `${message}\n${nodeIds.map((id) => `--- kafka-${id}:\n${(recentLogs.get(id) ?? []).join('\n')}`).join('\n')}`;

  const containerOf = (id: number, hostPort: number) =>
    new GenericContainer(image)
      .withName(`${namePrefix}-kafka-${id}`)
      .withNetwork(network)
      .withHostname(`kafka-${id}`) // the name it gives other nodes, e.g. as a controller
      .withNetworkAliases(`kafka-${id}`)
      .withExposedPorts({ container: EXTERNAL_PORT, host: hostPort })
      .withEnvironment({
        CLUSTER_ID: clusterId,
        KAFKA_HEAP_OPTS: `-Xms${heapMb}m -Xmx${heapMb}m`,
        ...kafkaEnvironment({
          'node.id': String(id),
          'process.roles': 'broker,controller',
          'controller.quorum.voters': voters,
          'controller.listener.names': 'CONTROLLER',
          'inter.broker.listener.name': 'INTERNAL',
          listeners: `INTERNAL://:${INTERNAL_PORT},EXTERNAL://:${EXTERNAL_PORT},CONTROLLER://:${CONTROLLER_PORT}`,
          'advertised.listeners': `INTERNAL://kafka-${id}:${INTERNAL_PORT},EXTERNAL://127.0.0.1:${hostPort}`,
          'listener.security.protocol.map': 'INTERNAL:PLAINTEXT,EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT',
          ...BROKER_DEFAULTS,
        }),
      })
      .withLogConsumer(keepRecent(id))
      .withWaitStrategy(Wait.forLogMessage(/Kafka Server started/))
      .withStartupTimeout(startupTimeoutMs);

  const started = await Promise.allSettled(nodeIds.map((id, index) => containerOf(id, hostPorts[index] ?? 0).start()));
  const containers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const stop = () => removeAll(containers, network);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stop();
    throw new Error(withRecentLogs(`A Kafka container (${image}) did not start: ${String(failed.reason)}`), {
      cause: failed.reason,
    });
  }

  const brokers = hostPorts.map((port) => `127.0.0.1:${port}`);
  try {
    await waitForHealth(brokers, clusterConditions.healthy(nodeIds.length), {
      timeoutMs: startupTimeoutMs,
      timeoutError: (what) => new Error(withRecentLogs(`Timed out waiting for ${what}`)),
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    brokers,
    nodes: nodeIds.map((id, index) => ({
      id,
      containerId: containers[index]?.getId() ?? '',
      hostPort: hostPorts[index] ?? 0,
    })),
    stop,
  };
}

/** Containers go first (a network with containers attached cannot be removed). */
async function removeAll(containers: readonly StartedTestContainer[], network: StartedNetwork): Promise<void> {
  const client = await dockerEngine();
  await Promise.all(
    containers.map(async (container) => {
      // A test that failed half-way may leave a node paused; a paused container cannot stop.
      const raw = client.container.getById(container.getId());
      if ((await raw.inspect()).State.Paused) await raw.unpause();
      // No controlled shutdown: the data goes with the container anyway.
      await container.stop({ timeout: 0, remove: true, removeVolumes: true });
    }),
  );
  await network.stop();
}

async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await findFreePort());
  return [...ports];
}
