import { eventToMessage, type EventContext, type EventMap, type EventPayload, type TopicDefinition } from '@orderflow/events';
import type pg from 'pg';

/** The channel the relay LISTENs on; an insert NOTIFYs it, delivered when the transaction commits. */
export const outboxChannel = 'kafka_outbox';

/**
 * Adds an event to the outbox inside the caller's transaction: pass the client the
 * state change was written with, so both commit, or neither does. The event is encoded and
 * validated here (eventToMessage), so a bad event fails the request, not the relay later.
 *
 * Per-key order: the relay publishes in id order, and ids are handed out at insert time.
 * Two transactions writing events of one key must therefore not overlap; they do not when,
 * as usual, each first updates (and so locks) the row the key names, e.g. the order.
 */
export async function appendToOutbox<Events extends EventMap, Type extends keyof Events & string>(
  client: pg.ClientBase,
  topic: TopicDefinition<Events>,
  type: Type,
  event: EventPayload<Events[Type]>,
  context: EventContext,
): Promise<{ readonly id: string; readonly eventId: string }> {
  const message = eventToMessage(topic, type, event, context);
  const eventId = message.headers['event-id'] ?? '';
  // One statement inserts the row and queues the NOTIFY: PostgreSQL sends it on COMMIT and
  // drops it on ROLLBACK, so the relay wakes exactly when there is something to publish.
  const { rows } = await client.query<{ id: string }>(
    `WITH added AS (
       INSERT INTO kafka_outbox (topic, message_key, event_type, event_id, value, headers, record_timestamp)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       RETURNING id
     )
     SELECT id, pg_notify($8, '') FROM added`,
    [topic.name, message.key, type, eventId, message.value, JSON.stringify(message.headers), message.timestamp, outboxChannel],
  );
  return { id: rows[0]?.id ?? '', eventId };
}
