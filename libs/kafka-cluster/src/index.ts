export { BROKER_DEFAULTS } from './broker-defaults.ts';
export { clusterConditions, waitForHealth, type HealthCondition, type WaitForHealthOptions } from './cluster-health.ts';
export {
  CLUSTER_PROFILES,
  bootstrapServers,
  brokerPort,
  clusterLayout,
  controllerPort,
  type ClusterLayout,
} from './cluster-layout.ts';
export { checkDockerEngine, dockerClient, type EngineCheck } from './docker-engine.ts';
export { KAFKA_CLI_TOOLS, runKafkaTool, type KafkaToolResult } from './kafka-cli-tools.ts';
export { ensureKafkaJars, kafkaVersion } from './kafka-jars.ts';
export { LOG4J2_PROPERTIES, toPropertiesFile } from './node-config.ts';
export {
  LocalKafkaCluster,
  newClusterId,
  type LocalKafkaClusterOptions,
  type NodeStatus,
} from './local-kafka-cluster.ts';
export { LocalKafkaError } from './local-kafka-error.ts';
export { REPO_ROOT } from './paths.ts';
export { testProfile } from './cluster-layout.ts';
export type { BrokerHosts } from './secure/certificates.ts';
export {
  clientPropertiesFile,
  kafkajsSecurity,
  serviceSecurityEnvironment,
  writeClientProperties,
} from './secure/client-config.ts';
export {
  clusterUsers,
  ensureClusterSecrets,
  passwordOf,
  secretsPaths,
  type ClusterSecrets,
} from './secure/cluster-secrets.ts';
export type { ClientSecurity } from './cluster-health.ts';
export { aclBindingsOf } from './secure/grant-access.ts';
export { adminScramCredential, scramIterations, secureListenerProperties } from './secure/secure-node-config.ts';
