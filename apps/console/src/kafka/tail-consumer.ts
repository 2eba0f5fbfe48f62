import { randomUUID } from 'node:crypto';
import { headerNames } from '@orderflow/events';
import type { Admin, IHeaders, Kafka, KafkaMessage } from 'kafkajs';
import type { RecordSummary } from '../domain/record-summary.ts';

export type TailConsumerOptions = {
  readonly kafka: Kafka;
  /** A connected admin client, for the partitions' end offsets. */
  readonly admin: () => Admin;
  readonly topics: readonly string[];
  /** How many records back from each partition's end to start reading. */
  readonly startBack: number;
  readonly onRecord: (record: RecordSummary) => void;
  /** A group of its own per console process; see below. */
  readonly groupId?: string;
};

/**
 * A person watching needs no record sooner than a quarter of a second: under load the
 * brokers answer fewer, fuller fetches (16 KiB or 250 ms, whichever comes first).
 */
export const tailFetch = { minBytes: 16 * 1024, maxWaitTimeInMs: 250 } as const;

/**
 * The console's own consumer: it reads the ends of the topics and never commits. kafkajs only
 * consumes through a consumer group, so it gets a group id nobody else uses, unique per process
 * (`orderflow-console-<uuid>`): two consoles must each see every partition, not share them.
 * Nothing is committed, so the group holds no offsets and Kafka forgets it once it is empty.
 * On every assignment it seeks each partition to a few records before the end, so the event
 * list is filled at once instead of after the next orders.
 */
export function createTailConsumer(options: TailConsumerOptions) {
  const groupId = options.groupId ?? `orderflow-console-${randomUUID()}`;
  const consumer = options.kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 10_000,
    heartbeatInterval: 3_000,
    ...tailFetch,
  });

  consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
    void (async () => {
      for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
        const offsets = await options.admin().fetchTopicOffsets(topic);
        for (const partition of partitions) {
          const offset = offsets.find((candidate) => candidate.partition === partition);
          if (!offset) continue;
          const from = BigInt(offset.high) - BigInt(options.startBack);
          consumer.seek({ topic, partition, offset: String(from > BigInt(offset.low) ? from : BigInt(offset.low)) });
        }
      }
    })().catch(() => {}); // the consumer still reads from the end: the list fills as records come
  });

  return {
    groupId,
    async start(): Promise<void> {
      await consumer.connect();
      await consumer.subscribe({ topics: [...options.topics], fromBeginning: false });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => options.onRecord(summarize(topic, partition, message)),
      });
    },
    stop: () => consumer.disconnect(),
  };
}

/** The envelope of a record as the console keeps it: key, size, timestamp and headers as text. */
export function summarize(topic: string, partition: number, message: KafkaMessage): RecordSummary {
  const headers = headersAsText(message.headers);
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key === null ? null : message.key.toString('utf8'),
    eventType: headers[headerNames.eventType],
    size: message.value?.length ?? 0,
    timestamp: Number(message.timestamp),
    headers,
  };
}

function headersAsText(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).flatMap(([name, value]) => {
      if (value === undefined) return [];
      const text = (Array.isArray(value) ? value : [value]).map((part) => part.toString()).join(', ');
      return [[name, text]];
    }),
  );
}
