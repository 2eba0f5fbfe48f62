export { BROKER_DEFAULTS } from './broker-defaults.ts';
export { composeFileWithDefaults } from './compose-file.ts';
export { clusterConditions, waitForHealth, type HealthCondition, type WaitForHealthOptions } from './cluster-health.ts';
export {
  CLUSTER_PROFILES,
  bootstrapServers,
  brokerPort,
  clusterLayout,
  controllerPort,
  type ClusterLayout,
} from './cluster-layout.ts';
export { KAFKA_CLI_TOOLS, runKafkaTool, type KafkaToolResult } from './kafka-cli-tools.ts';
export { ensureKafkaJars, kafkaVersion } from './kafka-jars.ts';
export { LOG4J2_PROPERTIES } from './node-config.ts';
export {
  LocalKafkaCluster,
  newClusterId,
  type LocalKafkaClusterOptions,
  type NodeStatus,
} from './local-kafka-cluster.ts';
export { LocalKafkaError } from './local-kafka-error.ts';
export { runNx, withTestSummary } from './nx-run.ts';
export { REPO_ROOT } from './paths.ts';
export { testProfile } from './cluster-layout.ts';
export { clientPropertiesFile, kafkajsSecurity, serviceSecurityEnvironment } from './secure/client-config.ts';
export { clusterUsers, type ClusterSecrets } from './secure/cluster-secrets.ts';
export type { ClientSecurity } from './cluster-health.ts';
export { aclBindingsOf } from './secure/grant-access.ts';
