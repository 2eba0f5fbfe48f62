import type pg from 'pg';
import { kafkaErrorType } from '../errors/kafka-error-type.ts';

/**
 * The broker's answers that refuse one message for good: sent again, it is refused again, so
 * retrying would hold back every row after it for ever. (Too large for the topic's
 * `max.message.bytes`, a batch over it, a record the broker cannot take as it is.)
 */
const refusedForEver = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD']);

/** The broker's error type if `error` (or an error it wraps) refuses the message for good. */
export function refusalForEver(error: unknown): string | undefined {
  const type = kafkaErrorType(error);
  return type !== undefined && refusedForEver.has(type) ? type : undefined;
}

export type DeadLetteredRow = {
  readonly outboxId: string;
  readonly topic: string;
  readonly eventType: string;
  readonly eventId: string;
  readonly reason: string;
};

/**
 * Moves one outbox row to `kafka_outbox_dead_letter`, with the reason: one statement, so the
 * row is in exactly one of the two tables whatever happens. Returns what was moved (undefined
 * if the row was no longer in the outbox).
 */
export async function moveToDeadLetter(
  client: pg.ClientBase,
  outboxId: string,
  reason: string,
): Promise<DeadLetteredRow | undefined> {
  const { rows } = await client.query<{ topic: string; event_type: string; event_id: string }>(
    `WITH moved AS (DELETE FROM kafka_outbox WHERE id = $1 RETURNING *)
     INSERT INTO kafka_outbox_dead_letter
            (outbox_id, topic, message_key, event_type, event_id, value, headers, record_timestamp, created_at, reason)
     SELECT id, topic, message_key, event_type, event_id, value, headers, record_timestamp, created_at, $2 FROM moved
     RETURNING topic, event_type, event_id`,
    [outboxId, reason],
  );
  const [row] = rows;
  return row && { outboxId, topic: row.topic, eventType: row.event_type, eventId: row.event_id, reason };
}
