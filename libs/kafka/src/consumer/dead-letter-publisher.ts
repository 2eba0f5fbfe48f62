import { deadLetterTopicName, errorCode, errorMessage, type TopicDefinition } from '@orderflow/events';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { deadLetterMessage } from './dead-letter-message.ts';
import { eventTypeOf, positionOf, type RecordAt, type RunnerContext } from './runner-context.ts';

export type DeadLetterPublisher = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the copy is on the dead-letter topic (acks=all); throws if it could not be written. */
  publish(record: RecordAt, error: unknown, attempts: number): Promise<void>;
};

/** Writes failed records, unchanged plus error headers, to the group's dead-letter topic of their topic. */
export function createDeadLetterPublisher(
  runner: RunnerContext,
  kafka: Kafka,
  topics: readonly TopicDefinition[],
): DeadLetterPublisher {
  const { groupId } = runner;
  // Fails now, not at the first bad record, if a group name makes an illegal topic name.
  const deadLetterTopics = new Map(topics.map((topic) => [topic.name, deadLetterTopicName(topic, groupId)]));
  // Dead letters keep the original key, so the Java-compatible partitioner, as everywhere.
  const producer: Producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });

  return {
    start: () => producer.connect(),
    stop: () => producer.disconnect(),
    async publish(record, error, attempts) {
      const { topic, partition, message } = record;
      const code = errorCode(error);
      const reason = errorMessage(error);
      const failure = { consumerGroup: groupId, code, message: reason, attempts, failedAt: new Date() };
      const failed = {
        topic,
        partition,
        offset: message.offset,
        key: message.key,
        value: message.value,
        timestamp: message.timestamp,
        headers: message.headers,
      };
      await producer.send({
        topic: deadLetterTopics.get(topic) ?? deadLetterTopicName({ name: topic }, groupId),
        acks: -1,
        messages: [deadLetterMessage(failed, failure)],
      });
      runner.events.emit('deadLettered', {
        ...positionOf(record),
        eventType: eventTypeOf(record),
        attempts,
        error,
        at: failure.failedAt,
      });
    },
  };
}
