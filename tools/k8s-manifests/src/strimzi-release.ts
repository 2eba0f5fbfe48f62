/**
 * The Strimzi release deploy/k8s is written for (README.md and the root kustomization say so).
 * 1.2.0 is the newest release, and 4.3.1 the newest Kafka it runs: this repo's version. It
 * speaks only the kafka.strimzi.io/v1 API (the only one from 1.0.0). `kafkaVersions` are the
 * ones its kafka-versions.yaml marks as supported.
 */
export const strimziRelease = {
  version: '1.2.0',
  apiVersion: 'kafka.strimzi.io/v1',
  kafkaVersions: ['4.2.0', '4.2.1', '4.3.0', '4.3.1'],
} as const;

/** The `Kafka` resource's name: every KafkaTopic and KafkaUser names it in `strimzi.io/cluster`. */
export const kafkaClusterName = 'orderflow';
