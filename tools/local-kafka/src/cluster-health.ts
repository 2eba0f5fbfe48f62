import { Kafka, logLevel, type Admin } from 'kafkajs';

const PROBE_TOPIC = '__orderflow-probe';

/**
 * Asks the cluster itself (through the admin API, as any client would) whether it is healthy.
 * Used after start-up and after fault injection: "the processes are up" is not the same as
 * "the brokers have joined and replicate".
 */
export class ClusterHealth {
  readonly #admin: Admin;
  #connected = false;

  constructor(brokers: string[]) {
    // Connection errors are expected while brokers boot, so the probe client stays silent.
    const kafka = new Kafka({
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
