import type { ValueCodec } from '../codecs/value-codec.ts';
import type { EventMap, EventPayload } from './event-definition.ts';

/** The services of the system. A service's consumer group is named after it. */
export type ServiceName = 'order-service' | 'inventory-service' | 'notification-service';

/** Topic-level Kafka config, typed; `topicConfigEntries` gives it the way the admin API wants it. */
export type TopicConfig = {
  /** `delete`: old records go when retention ends. `compact`: at least the newest per key stays. */
  readonly 'cleanup.policy': 'delete' | 'compact' | 'compact,delete';
  /** With acks=all, a write succeeds only once this many replicas have it. */
  readonly 'min.insync.replicas': number;
  readonly 'retention.ms': number;
  /** The largest record batch the broker accepts for this topic. */
  readonly 'max.message.bytes': number;
  /** CreateTime keeps the producer's timestamp: when the event happened, not when it arrived. */
  readonly 'message.timestamp.type': 'CreateTime' | 'LogAppendTime';
};

/** What provisioning needs to create (or verify) a topic. */
export type TopicSettings = {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly config: TopicConfig;
};

/** One topic's contract: its settings plus who writes it, what it carries and how. */
export type TopicDefinition<Events extends EventMap = EventMap> = TopicSettings & {
  /** The only service that writes to it. */
  readonly writer: ServiceName;
  /** The consumer groups that read it; each gets its own dead-letter topic. */
  readonly readers: readonly ServiceName[];
  readonly events: Events;
  readonly codec: ValueCodec;
  // Method syntax on purpose: it lets any topic be passed where a TopicDefinition of any
  // events is expected (a property would make the parameter type block that).
  /** The record key: it decides the partition, so records with one key keep their order. */
  key(event: TopicEvent<Events>): string;
};

/** Any event a topic may carry (the union of its events' types). */
export type TopicEvent<Events extends EventMap> = { [Type in keyof Events]: EventPayload<Events[Type]> }[keyof Events];

/** The names of the events a topic may carry. */
export type TopicEventType<Topic extends TopicDefinition> = keyof Topic['events'] & string;

/** Kafka's own default for `max.message.bytes`: 1 MiB plus a batch's 12-byte log overhead (offset, size). */
export const kafkaDefaultMaxMessageBytes = 1_048_588;

/** Kafka's default `segment.ms` (7 days): a partition's active segment rolls at least this often. */
export const kafkaDefaultSegmentMs = 7 * 24 * 60 * 60 * 1000;

const sevenDaysMs = 7 * 24 * 60 * 60 * 1000;

/** What every topic of ours shares unless it says otherwise. */
export const defaultTopicSettings = {
  partitions: 6,
  replicationFactor: 3,
  config: {
    'cleanup.policy': 'delete',
    'min.insync.replicas': 2,
    'retention.ms': sevenDaysMs,
    'max.message.bytes': kafkaDefaultMaxMessageBytes,
    'message.timestamp.type': 'CreateTime',
  },
} as const satisfies Omit<TopicSettings, 'name'>;

/** Declares a topic; the `const` type parameter keeps the exact event names for type checks. */
export function defineTopic<const Events extends EventMap>(topic: TopicDefinition<Events>): TopicDefinition<Events> {
  return Object.freeze(topic);
}

/** The topic config as `{ name, value }` strings, as Kafka's admin API (and kafkajs) takes it. */
export function topicConfigEntries(topic: TopicSettings): { name: string; value: string }[] {
  return Object.entries(topic.config).map(([name, value]) => ({ name, value: String(value) }));
}
