import {
  eventToMessage,
  type EventContext,
  type EventMap,
  type EventMessage,
  type EventPayload,
  type TopicDefinition,
} from '@orderflow/events';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { assertEveryPartitionWritten } from '../kafkajs-workarounds/every-partition-acknowledged.ts';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';

/** Where a published record landed. */
export type PublishedRecord = { readonly topic: string; readonly partition: number; readonly offset: string };

/** Already-encoded messages for one topic (the outbox keeps them encoded). */
export type TopicMessages = { readonly topic: string; readonly messages: readonly EventMessage[] };

export type EventProducer = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Encodes one catalogue event (key from the event) and publishes it; resolves once all in-sync replicas have it. */
  publish<Events extends EventMap, Type extends keyof Events & string>(
    topic: TopicDefinition<Events>,
    type: Type,
    event: EventPayload<Events[Type]>,
    context: EventContext,
  ): Promise<PublishedRecord>;
  /** Publishes encoded messages in one request, keeping their order per partition. */
  publishMessages(batch: readonly TopicMessages[]): Promise<void>;
};

export type EventProducerOptions = {
  readonly kafka: Kafka;
  readonly metrics?: KafkaMetrics;
  /** Broker answer timeout for acks=all writes. Default 30 s. */
  readonly ackTimeoutMs?: number;
};

/** acks=all: a write counts once every in-sync replica (at least min.insync.replicas) has it. */
const acksAll = -1;

/**
 * The one way events leave a service. Idempotent (the broker drops a retried duplicate
 * batch, by producer id and sequence number) with one request in flight, so a retry can
 * never overtake the batch before it: records with one key stay in order.
 */
export function createEventProducer(options: EventProducerOptions): EventProducer {
  // The partition kafkajs chose for each message object, to check every partition was written.
  const partitionOf = new WeakMap<object, number>();
  const murmur2 = Partitioners.DefaultPartitioner();
  const producer: Producer = options.kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    // Topics are created by provisioning, never by writing to them.
    allowAutoTopicCreation: false,
    // murmur2 of the key, as the Java client does: a key lands on the same partition whoever
    // writes it. (Named explicitly, which also silences kafkajs's reminder that v2 changed it.)
    createPartitioner: () => (args) => {
      const partition = murmur2(args);
      partitionOf.set(args.message, partition);
      return partition;
    },
  });
  const timeout = options.ackTimeoutMs ?? 30_000;
  const count = (topic: string, n: number) => options.metrics?.published?.({ topic }, n);
  const asKafkaMessages = (messages: readonly EventMessage[]) =>
    messages.map((message) => ({ ...message, headers: { ...message.headers } }));

  return {
    start: () => producer.connect(),
    stop: () => producer.disconnect(),
    async publish(topic, type, event, context) {
      const message = eventToMessage(topic, type, event, context);
      const [metadata] = await producer.send({
        topic: topic.name,
        acks: acksAll,
        timeout,
        messages: asKafkaMessages([message]),
      });
      if (metadata === undefined) throw new Error(`no answer from the broker for ${type} on ${topic.name}`);
      count(topic.name, 1);
      return { topic: topic.name, partition: metadata.partition, offset: metadata.baseOffset ?? metadata.offset ?? '' };
    },
    async publishMessages(batch) {
      const topicMessages = batch
        .filter((entry) => entry.messages.length > 0)
        .map((entry) => ({ topic: entry.topic, messages: asKafkaMessages(entry.messages) }));
      if (topicMessages.length === 0) return;
      const written = await producer.sendBatch({ acks: acksAll, timeout, topicMessages });
      assertEveryPartitionWritten(topicMessages, written, partitionOf);
      for (const entry of topicMessages) count(entry.topic, entry.messages.length);
    },
  };
}
