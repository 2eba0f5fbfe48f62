import { OrderflowError } from '../errors/orderflow-error.ts';
import { type TopicDefinition, type TopicSettings } from './topic-definition.ts';
import { topics } from './topic-catalogue.ts';

// Kafka topic names: at most 249 characters of letters, digits, '.', '_' and '-'.
const legalTopicName = /^[a-zA-Z0-9._-]{1,249}$/;

/**
 * Where a consumer group parks the records it cannot process: one dead-letter topic per
 * topic and group (`orders.inventory-service.dlt`), so each group can inspect and replay
 * its own failures without touching anyone else's.
 */
export function deadLetterTopicName(topic: Pick<TopicDefinition, 'name'>, consumerGroup: string): string {
  const name = `${topic.name}.${consumerGroup}.dlt`;
  if (!legalTopicName.test(name)) {
    throw new OrderflowError(`"${name}" is not a legal Kafka topic name (consumer group "${consumerGroup}")`, {
      code: 'invalid-topic-name',
      retriable: false,
    });
  }
  return name;
}

/**
 * The settings of a dead-letter topic: the same partitions and replication as its topic,
 * and a longer retention so there is time to look at failures and replay them.
 */
/** How many times longer a dead-letter topic keeps records than the topic it stands beside. */
export const deadLetterRetentionFactor = 4;

export function deadLetterTopic(topic: TopicDefinition, consumerGroup: string): TopicSettings {
  return {
    name: deadLetterTopicName(topic, consumerGroup),
    partitions: topic.partitions,
    replicationFactor: topic.replicationFactor,
    config: { ...topic.config, 'retention.ms': deadLetterRetentionFactor * topic.config['retention.ms'] },
  };
}

/** Every topic to provision: each catalogue topic, then one dead-letter topic per reader. */
export function allTopicSettings(): TopicSettings[] {
  return Object.values(topics).flatMap((topic) => [
    {
      name: topic.name,
      partitions: topic.partitions,
      replicationFactor: topic.replicationFactor,
      config: topic.config,
    },
    ...topic.readers.map((group) => deadLetterTopic(topic, group)),
  ]);
}
