import { LocalKafkaCluster, testProfile } from '@orderflow/local-kafka';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';

/**
 * The one Kafka cluster of a test run, shared by every suite.
 *
 * - `npm test` starts the local 3-broker `test` cluster once, then runs the suites with
 *   KAFKA_BROKERS and ORDERFLOW_KAFKA_PROFILE set: suites connect to it and may stop and
 *   restart its brokers.
 * - KAFKA_BROKERS alone names an external cluster (e.g. docker compose): suites connect to it,
 *   and suites that need to stop brokers refuse to run with a clear message.
 * - Neither set (running one project's tests by hand, `npx nx test testing`): the local `test`
 *   cluster is started if it is not running, and left running for the next run. Stop it with
 *   `npm run kafka:down -- --profile test`.
 */
export interface TestCluster {
  readonly brokers: string[];
  /** Present when the cluster is the local one, whose brokers tests may stop and start. */
  readonly local: LocalKafkaCluster | undefined;
}

let shared: Promise<TestCluster> | undefined;

export function testCluster(): Promise<TestCluster> {
  shared ??= connectTestCluster();
  return shared;
}

async function connectTestCluster(): Promise<TestCluster> {
  const external = process.env['KAFKA_BROKERS'];
  const profile = process.env['ORDERFLOW_KAFKA_PROFILE'];
  if (external) {
    return { brokers: external.split(','), local: profile ? new LocalKafkaCluster({ profile }) : undefined };
  }
  const local = new LocalKafkaCluster({ profile: testProfile() });
  return { brokers: await local.up(), local };
}

/** For suites that inject broker faults: the local cluster, or a clear error. */
export async function localTestCluster(): Promise<LocalKafkaCluster> {
  const { local } = await testCluster();
  if (!local) {
    throw new Error(
      'This suite stops and starts brokers, which only works on the local cluster that npm test starts. ' +
        'Unset KAFKA_BROKERS to run it.',
    );
  }
  return local;
}

/** A kafkajs client for the test cluster; quiet unless something is really wrong. */
export async function testKafka(clientId: string, config: Partial<KafkaConfig> = {}): Promise<Kafka> {
  const { brokers } = await testCluster();
  // Silent: kafkajs logs every retriable broker answer ("coordinator is loading", "rebalancing")
  // as an ERROR, which buries real failures; tests assert on behaviour instead.
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING, ...config });
}

/**
 * Brings every stopped or paused broker of the local cluster back and waits until all
 * partitions have their full ISR: what a fault-injecting suite does in `afterAll`, so the
 * shared cluster is left as it was found even when the test failed half-way. The brokers start
 * together (`up()`): with all three down, one alone cannot form the KRaft quorum.
 */
export async function restoreTestCluster(cluster: LocalKafkaCluster): Promise<void> {
  await cluster.up();
  await cluster.waitForFullIsr();
}
