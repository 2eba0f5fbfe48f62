import { setTimeout as delay } from 'node:timers/promises';
import { Kafka, logLevel, type Admin, type KafkaConfig } from 'kafkajs';

/** How a client logs in to a secured cluster (TLS and SASL); none for a plaintext one. */
export type ClientSecurity = Pick<KafkaConfig, 'ssl' | 'sasl'>;

const PROBE_TOPIC = '__orderflow-probe';

/**
 * Asks the cluster itself (through the admin API, as any client would) whether it is healthy.
 * Used after start-up and after fault injection: "the processes are up" is not the same as
 * "the brokers have joined and replicate".
 */
export class ClusterHealth {
  readonly #admin: Admin;
  #connected = false;

  constructor(brokers: string[], security: ClientSecurity = {}) {
    // Connection errors are expected while brokers boot, so the probe client stays silent.
    const kafka = new Kafka({
      ...security,
      clientId: 'local-kafka-health',
      brokers,
      logLevel: logLevel.NOTHING,
      connectionTimeout: 2000,
      retry: { retries: 0 },
    });
    this.#admin = kafka.admin();
  }

  /** The ids of the brokers registered (alive and unfenced) in the cluster metadata now. */
  async registeredBrokerIds(): Promise<number[]> {
    try {
      await this.#connect();
      const { brokers } = await this.#admin.describeCluster();
      return brokers.map((broker) => broker.nodeId).sort();
    } catch {
      await this.close();
      return [];
    }
  }

  /**
   * Partitions whose in-sync replica set is smaller than their replica set, over all topics
   * (internal ones included). An empty list means every replica has caught up.
   */
  async underReplicatedPartitions(only?: readonly string[]): Promise<string[]> {
    await this.#connect();
    const { topics } = await this.#admin.fetchTopicMetadata(only ? { topics: [...only] } : undefined);
    return topics.flatMap((topic) =>
      topic.partitions
        .filter((partition) => partition.isr.length < partition.replicas.length || partition.leader < 0)
        .map((partition) => `${topic.name}-${partition.partitionId}`),
    );
  }

  /**
   * Proves replication works end to end: a probe topic with replication factor 3 gets a
   * leader and three in-sync replicas on every partition (then it is deleted). False, or an
   * error, while that is not so yet; callers retry.
   */
  async replicationWorks(): Promise<boolean> {
    await this.#connect();
    // Resolves to false when the topic exists already (an earlier, unfinished probe).
    await this.#admin.createTopics({
      topics: [{ topic: PROBE_TOPIC, numPartitions: 3, replicationFactor: 3 }],
      waitForLeaders: false, // the ISR check below covers it, and is retried
    });
    const { topics } = await this.#admin.fetchTopicMetadata({ topics: [PROBE_TOPIC] });
    const partitions = topics[0]?.partitions ?? [];
    const fullyReplicated = partitions.length === 3 && partitions.every((partition) => partition.isr.length === 3);
    if (fullyReplicated) await this.#admin.deleteTopics({ topics: [PROBE_TOPIC] });
    return fullyReplicated;
  }

  // Every call connects first and is tracked, so close() always releases the sockets (an
  // unclosed admin keeps a test process alive until the broker drops idle connections).
  async #connect(): Promise<void> {
    if (this.#connected) return;
    this.#connected = true;
    await this.#admin.connect();
  }

  async close(): Promise<void> {
    if (this.#connected) {
      this.#connected = false;
      await this.#admin.disconnect().catch(() => undefined);
    }
  }
}

/** Something a cluster's owner waits for after a start or a fault, and how to tell it is there. */
export interface HealthCondition {
  /** For messages: "waiting for <what>". */
  readonly what: string;
  check(health: ClusterHealth): Promise<boolean>;
}

/** The conditions every Orderflow test cluster waits on, whether its nodes are processes or containers. */
export const clusterConditions = {
  /**
   * All brokers registered, and replication works (probe topic, ISR 3). Registration alone is
   * not enough after a restart: the metadata log still lists the brokers of the previous run
   * until their sessions expire.
   */
  healthy: (nodeCount: number): HealthCondition => ({
    what: `all ${nodeCount} brokers to register and replicate`,
    check: async (health) =>
      (await health.registeredBrokerIds()).length === nodeCount && (await health.replicationWorks()),
  }),
  fullIsr: (topics?: readonly string[]): HealthCondition => ({
    what: topics ? `every partition of ${topics.join(', ')} to have a full ISR` : 'every partition to have a full ISR',
    check: async (health) => (await health.underReplicatedPartitions(topics)).length === 0,
  }),
  registered: (id: number): HealthCondition => ({
    what: `broker ${id} to register`,
    check: async (health) => (await health.registeredBrokerIds()).includes(id),
  }),
};

export interface WaitForHealthOptions {
  readonly timeoutMs: number;
  /** Runs before every check; throws to give up early (a node has died). */
  readonly beforeEachCheck?: () => void | Promise<void>;
  /** The error to throw at the deadline (e.g. with the brokers' last log lines). */
  readonly timeoutError?: (what: string) => Error | Promise<Error>;
  /** A secured cluster's admin login. */
  readonly security?: ClientSecurity;
}

/** Checks `condition` every 500 ms until it holds, on one admin client that is always closed. */
export async function waitForHealth(
  brokers: string[],
  condition: HealthCondition,
  { timeoutMs, beforeEachCheck, timeoutError, security }: WaitForHealthOptions,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const health = new ClusterHealth(brokers, security);
  try {
    while (Date.now() < deadline) {
      await beforeEachCheck?.();
      // A failed check may leave the client half-connected: start the next one afresh.
      if (await condition.check(health).catch(() => health.close().then(() => false))) return;
      await delay(500);
    }
    throw timeoutError ? await timeoutError(condition.what) : new Error(`Timed out waiting for ${condition.what}`);
  } finally {
    await health.close();
  }
}
