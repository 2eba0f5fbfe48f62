import { allTopicSettings, deadLetterTopicName, topics, type TopicSettings } from '@orderflow/events';
import { resourceNameForTopic } from './kubernetes-name.ts';
import type { StrimziKafkaTopic } from './strimzi-schemas.ts';
import { kafkaClusterName, strimziRelease } from './strimzi-release.ts';

/** A topic of the catalogue as a Strimzi KafkaTopic: its partitions, replication and config. */
export function kafkaTopic(topic: TopicSettings): StrimziKafkaTopic {
  const name = resourceNameForTopic(topic.name);
  return {
    apiVersion: strimziRelease.apiVersion,
    kind: 'KafkaTopic',
    metadata: { name, labels: { 'strimzi.io/cluster': kafkaClusterName } },
    spec: {
      ...(name === topic.name ? {} : { topicName: topic.name }),
      partitions: topic.partitions,
      replicas: topic.replicationFactor,
      config: { ...topic.config },
    },
  };
}

/** Every topic to provision, dead-letter topics included, as KafkaTopics. */
export function kafkaTopics(settings: readonly TopicSettings[] = allTopicSettings()): StrimziKafkaTopic[] {
  return settings.map(kafkaTopic);
}

/** The Kafka topic a KafkaTopic stands for: `spec.topicName`, else its resource name (Strimzi's rule). */
export function topicNameOf(resource: Pick<StrimziKafkaTopic, 'metadata' | 'spec'>): string {
  return resource.spec.topicName ?? resource.metadata.name;
}

/** One line on who writes a topic and who reads it, from the catalogue (a comment in the generated file). */
export function topicPurpose(topicName: string): string | undefined {
  for (const topic of Object.values(topics)) {
    if (topic.name === topicName) return `written by ${topic.writer}, read by ${topic.readers.join(' and ')}`;
    const group = topic.readers.find((reader) => deadLetterTopicName(topic, reader) === topicName);
    if (group !== undefined) return `dead letters: the ${topic.name} records ${group} could not process`;
  }
  return undefined;
}
