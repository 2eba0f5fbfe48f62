import { randomUUID } from 'node:crypto';
import type { IHeaders, Kafka, KafkaMessage } from 'kafkajs';

/**
 * The headers the consumer runner adds to a dead-letter record (libs/kafka
 * dead-letter-message.ts): all start with `dlt-`. The one naming the topic to replay to:
 */
const deadLetterHeaderPrefix = 'dlt-';
const originalTopicHeader = 'dlt-original-topic';
const readTimeoutMs = 60_000;

export type ReplayOptions = {
  readonly kafka: Kafka;
  /** The dead-letter topic to read, e.g. `orders.inventory-service.dlt`. */
  readonly deadLetterTopic: string;
  /** Replay only the records with these `event-id` headers; all of them when absent. */
  readonly eventIds?: readonly string[];
  /** Told about each record replayed. */
  readonly log?: (line: string) => void;
};

export type ReplayedRecord = { readonly topic: string; readonly eventId: string; readonly key: string | null };

/**
 * Puts dead-lettered records back on the topic they came from, as they were: key, value,
 * timestamp (the event's occurredAt) and the original headers, `event-id` included, without
 * the `dlt-*` ones. The key keeps the record on its order's partition; the event id lets every
 * group that handled it already skip it (inbox), so only the group that failed acts on it.
 *
 * Reads what the dead-letter topic holds now (up to its end offsets when called), with a
 * throw-away consumer group that commits nothing and is deleted afterwards.
 */
export async function replayDeadLetters(options: ReplayOptions): Promise<ReplayedRecord[]> {
  const { kafka, deadLetterTopic, eventIds, log = () => {} } = options;
  const records = await readToEnd(kafka, deadLetterTopic);
  const chosen = records.filter((message) => !eventIds || eventIds.includes(headerText(message.headers, 'event-id')));
  const replayed: ReplayedRecord[] = [];
  const producer = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    for (const message of chosen) {
      const topic = headerText(message.headers, originalTopicHeader);
      if (!topic) throw new Error(`a record of ${deadLetterTopic} has no ${originalTopicHeader} header`);
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            timestamp: message.timestamp,
            headers: withoutDeadLetterHeaders(message.headers),
          },
        ],
      });
      const record = {
        topic,
        eventId: headerText(message.headers, 'event-id'),
        key: message.key?.toString() ?? null,
      };
      log(`replayed ${record.eventId || '(no event-id)'} (key ${record.key}) to ${topic}`);
      replayed.push(record);
    }
  } finally {
    await producer.disconnect();
  }
  return replayed;
}

/** Every record of `topic` from the earliest offset up to the end offsets it has now. */
async function readToEnd(kafka: Kafka, topic: string): Promise<KafkaMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `replay-dead-letters-${randomUUID()}`;
  try {
    const ends = new Map<number, bigint>();
    for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) ends.set(partition, BigInt(high));
    }
    if (ends.size === 0) return [];
    const byPartition = new Map<number, KafkaMessage[]>();
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${topic}: not every record up to the end offsets arrived in ${readTimeoutMs} ms`)),
          readTimeoutMs,
        );
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              const end = ends.get(partition);
              if (end === undefined || BigInt(message.offset) >= end) return;
              const messages = byPartition.get(partition) ?? [];
              messages.push(message);
              byPartition.set(partition, messages);
              if (BigInt(message.offset) === end - 1n) ends.delete(partition);
              if (ends.size === 0) done();
            },
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(error);
          });
      });
    } finally {
      await consumer.disconnect();
    }
    return [...byPartition.keys()].sort((a, b) => a - b).flatMap((partition) => byPartition.get(partition) ?? []);
  } finally {
    await admin.deleteGroups([groupId]).catch(() => {});
    await admin.disconnect();
  }
}

function headerText(headers: IHeaders | undefined, name: string): string {
  const value = headers?.[name];
  return value === undefined ? '' : String(Array.isArray(value) ? value[0] : value);
}

function withoutDeadLetterHeaders(headers: IHeaders | undefined): IHeaders {
  return Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => !name.startsWith(deadLetterHeaderPrefix)));
}
