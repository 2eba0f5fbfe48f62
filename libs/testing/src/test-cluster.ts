import { LocalKafkaCluster, testProfile, type ClientSecurity } from '@orderflow/kafka-cluster';
import { Kafka, logLevel, type KafkaConfig } from 'kafkajs';
import type { ClusterFaults } from './cluster-faults.ts';
import { containerNodesVariable, readContainerNodes, testClusterMode } from './containers/test-run-variables.ts';
import { localClusterFaults } from './local-cluster-faults.ts';
import { madeSince } from './unique-names.ts';

/**
 * The one Kafka cluster of a test run, shared by every suite.
 *
 * - `npm test` starts the local 3-broker `test` cluster once, then runs the suites with
 *   KAFKA_BROKERS and ORDERFLOW_KAFKA_PROFILE set: suites connect to it and may stop and
 *   restart its brokers.
 * - ORDERFLOW_TEST_CLUSTER=testcontainers (`npm run test:containers`): three Kafka containers
 *   instead, started once by that runner, which sets KAFKA_BROKERS and the containers' ids
 *   (tools/local-kafka/src/run-container-tests.ts). Suites stop and start brokers there in the
 *   same way.
 * - KAFKA_BROKERS alone names an external cluster (e.g. docker compose): suites connect to it,
 *   and suites that need to stop brokers refuse to run with a clear message.
 * - Neither set (running one project's tests by hand, `npx nx test testing`): the local `test`
 *   cluster is started if it is not running, and left running for the next run. Stop it with
 *   `npm run kafka:down -- --profile test`.
 */
export interface TestCluster {
  readonly brokers: string[];
  /** Present when the suites may stop and start the brokers: the local or the container cluster. */
  readonly faults: ClusterFaults | undefined;
  /** The admin's login on a secured cluster (the secured phase of npm test); none on a plaintext one. */
  readonly security?: ClientSecurity;
}

let shared: Promise<TestCluster> | undefined;

/** Set on the test file's global once it uses the cluster: see jest/delete-test-topics.ts. */
const clusterUsedMark = Symbol.for('orderflow.testing.cluster-used');

export function testCluster(): Promise<TestCluster> {
  shared ??= connectTestCluster();
  (globalThis as Record<symbol, unknown>)[clusterUsedMark] = true;
  return shared;
}

async function connectTestCluster(): Promise<TestCluster> {
  const external = process.env['KAFKA_BROKERS'];
  if (testClusterMode() === 'testcontainers') {
    const nodes = readContainerNodes();
    if (!external || !nodes) {
      throw new Error(
        `ORDERFLOW_TEST_CLUSTER=testcontainers, but no container cluster was started for this run (KAFKA_BROKERS and ` +
          `${containerNodesVariable} are set by its runner). Run the suites through it: ` +
          'npm run test:containers -- --projects=<project>',
      );
    }
    // Loaded only in this mode: testcontainers is a large module graph, and jest loads it again for every test file.
    const { containerClusterFaults } = await import('./containers/container-cluster-faults.ts');
    const brokers = external.split(',');
    return { brokers, faults: containerClusterFaults(brokers, nodes) };
  }
  const profile = process.env['ORDERFLOW_KAFKA_PROFILE'];
  if (external) {
    const local = profile ? new LocalKafkaCluster({ profile }) : undefined;
    return {
      brokers: external.split(','),
      faults: local ? localClusterFaults(local) : undefined,
      security: local?.clientSecurity('admin') ?? {},
    };
  }
  const local = new LocalKafkaCluster({ profile: testProfile() });
  return { brokers: await local.up(), faults: localClusterFaults(local) };
}

/** For suites that inject broker faults: the run's cluster as a ClusterFaults, or a clear error. */
export async function testClusterFaults(): Promise<ClusterFaults> {
  const { faults } = await testCluster();
  if (!faults) {
    throw new Error(
      'This suite stops and starts brokers, which works on the local cluster that npm test starts and on the ' +
        'container cluster of npm run test:containers, not on an external one. Unset KAFKA_BROKERS to run it.',
    );
  }
  return faults;
}

/** The name testClusterFaults() had when only the local cluster could be hurt; suites still use it. */
export const localTestCluster = testClusterFaults;

/** A kafkajs client for the test cluster; quiet unless something is really wrong. */
export async function testKafka(clientId: string, config: Partial<KafkaConfig> = {}): Promise<Kafka> {
  const { brokers, security } = await testCluster();
  // Silent: kafkajs logs every retriable broker answer ("coordinator is loading", "rebalancing")
  // as an ERROR, which buries real failures; tests assert on behaviour instead.
  return new Kafka({ ...security, clientId, brokers, logLevel: logLevel.NOTHING, ...config });
}

/**
 * Brings every stopped or paused broker back and waits until all partitions have their full
 * ISR: what a fault-injecting suite does in `afterAll`, so the shared cluster is left as it was
 * found even when the test failed half-way.
 */
export async function restoreTestCluster(cluster: ClusterFaults): Promise<void> {
  await cluster.restore();
  await cluster.waitForFullIsr();
}

/**
 * Deletes the topics whose unique names were made at or after `since`: what one test file
 * made. Best effort: a topic left behind costs only time, so a failure is a warning.
 */
export async function deleteTopicsMadeSince(since: number): Promise<void> {
  if (!shared) return;
  const admin = (await testKafka('delete-test-topics')).admin();
  try {
    await admin.connect();
    const topics = (await admin.listTopics()).filter((name) => madeSince(name, since));
    if (topics.length > 0) await admin.deleteTopics({ topics, timeout: 30_000 });
  } catch (error) {
    console.warn(`Could not delete this file's test topics (later suites only run slower): ${String(error)}`);
  } finally {
    await admin.disconnect();
  }
}
