import type { KafkaContainerNode } from './kafka-containers.ts';

/**
 * How a test run tells its suites (other processes: jest and its workers) which cluster
 * they are on. The runner sets these; test-cluster.ts and database/global-setup.ts read them.
 */
export const testClusterModeVariable = 'ORDERFLOW_TEST_CLUSTER';
/** JSON: the container cluster's nodes (id, container id, host port), set by the runner. */
export const containerNodesVariable = 'ORDERFLOW_KAFKA_CONTAINERS';

export type TestClusterMode = 'local' | 'testcontainers';

export function testClusterMode(): TestClusterMode {
  const mode = process.env[testClusterModeVariable] || 'local';
  if (mode !== 'local' && mode !== 'testcontainers') {
    throw new Error(`${testClusterModeVariable}=${mode}: use "local" (the default) or "testcontainers"`);
  }
  return mode;
}

export function readContainerNodes(): KafkaContainerNode[] | undefined {
  const json = process.env[containerNodesVariable];
  return json ? (JSON.parse(json) as KafkaContainerNode[]) : undefined;
}
