export {
  localTestCluster,
  restoreTestCluster,
  testCluster,
  testClusterFaults,
  testKafka,
  type TestCluster,
} from './test-cluster.ts';
export type { ClusterFaults } from './cluster-faults.ts';
export {
  consumeFromBeginning,
  createTestTopic,
  describePartitions,
  recordCount,
  type ConsumedRecord,
} from './test-topics.ts';
export { uniqueInventoryTopic, uniqueOrdersTopic } from './catalogue-topics.ts';
export { uniqueGroupId, uniqueName, uniqueTopicName } from './unique-names.ts';
export { requestJson, type JsonAnswer } from './request-json.ts';
export { waitFor, type WaitForOptions } from './wait-for.ts';
export { describeWithDocker } from './docker-suite.ts';

// The testcontainers mode's cluster, for its runner (tools/local-kafka/src/run-container-tests.ts).
export { dockerEngine, DockerNeededError } from './containers/docker-engine.ts';
export { startKafkaContainers } from './containers/kafka-containers.ts';
export { containerNodesVariable, testClusterModeVariable } from './containers/test-run-variables.ts';

// PostgreSQL for tests: a fresh database per suite on the run's shared server.
export { testDatabase, testDatabaseServerVariable, type TestDatabase } from './database/test-database.ts';

// One harness for every app's integration specs: the real service, as many instances as a test starts.
export {
  startTestService,
  type TestService,
  type TestServiceOf,
  type TestServiceOptions,
} from './test-service/start-test-service.ts';
export type {
  ServiceInstance,
  TestServiceApp,
  TestServiceDeps,
  TestServiceSetup,
} from './test-service/test-service-app.ts';
