import { recordToEvent, type TopicDefinition } from '@orderflow/events';
import { consumeFromBeginning, recordCount } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';

export type TopicEvent = {
  readonly partition: number;
  readonly offset: number;
  readonly type: string;
  readonly eventId: string;
  readonly orderId: string;
  readonly customerId?: string;
};

/**
 * Everything the topic holds, decoded, read from the earliest offset by a brand-new consumer
 * group: the checker's independent view, whatever the services' groups committed.
 */
export async function readTopic<Topic extends TopicDefinition>(kafka: Kafka, topic: Topic): Promise<TopicEvent[]> {
  const count = await recordCount(kafka, topic.name);
  if (count === 0) return [];
  const records = await consumeFromBeginning(kafka, topic.name, count, 120_000);
  const events: TopicEvent[] = [];
  for (const record of records) {
    const decoded = recordToEvent(topic, record.message);
    if (!decoded.ok) continue; // poison a test wrote on purpose; the dead-letter count covers it
    const payload = decoded.event as { orderId: string; customerId?: string };
    events.push({
      partition: record.partition,
      offset: Number(record.offset),
      type: decoded.type,
      eventId: decoded.metadata.eventId,
      orderId: payload.orderId,
      ...(payload.customerId ? { customerId: payload.customerId } : {}),
    });
  }
  return events.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}
