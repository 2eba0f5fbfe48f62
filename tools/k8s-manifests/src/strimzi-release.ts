/**
 * The Strimzi release deploy/k8s is written for (README.md and the root kustomization say so).
 * 1.0.x is the newest line that still runs Kafka 4.1, this repo's version: the
 * kafka.strimzi.io/v1 API came in 0.49.0 and is the only one from 1.0.0, and 1.1.0 dropped
 * Kafka 4.1. `kafkaVersions` are the ones its kafka-versions.yaml marks as supported.
 */
export const strimziRelease = {
  version: '1.0.1',
  apiVersion: 'kafka.strimzi.io/v1',
  kafkaVersions: ['4.1.0', '4.1.1', '4.1.2', '4.2.0'],
} as const;

/** The `Kafka` resource's name: every KafkaTopic and KafkaUser names it in `strimzi.io/cluster`. */
export const kafkaClusterName = 'orderflow';
