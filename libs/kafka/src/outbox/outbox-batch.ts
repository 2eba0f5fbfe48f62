import type { EventMessage } from '@orderflow/events';
import type pg from 'pg';
import type { TopicMessages } from '../producer/event-producer.ts';

type OutboxRow = {
  id: string;
  topic: string;
  message_key: string;
  value: Buffer | null;
  headers: Record<string, string>;
  record_timestamp: string;
};

/** Rows for one produce request, oldest first. */
export type OutboxBatch = { readonly rows: readonly OutboxRow[]; readonly ids: readonly string[] };

/**
 * What a record costs in a record batch beyond its key, value and headers (the JSON text of the
 * headers already over-counts them): length, attributes, timestamp and offset deltas, as varints.
 */
const recordOverheadBytes = 40;

/**
 * The oldest unsent rows, skipping those of the request still in flight: at most `batchSize`
 * rows and, counted in id order, at most `maxRequestBytes` (always at least one row; an event
 * larger than its topic allows was refused when it was written). A prefix of the unsent rows,
 * so the order holds whatever the cap cuts.
 *
 * Why the ids are picked first, on their own: marking a row sent leaves a dead entry in the
 * `kafka_outbox_unsent` index until VACUUM removes it, and under load that is thousands of
 * entries a minute. A plain index scan in id order (the inner SELECT, on the relay's session
 * with bitmap scans off, see outbox-relay.ts) marks the dead entries it meets, so the next
 * scan skips them; a bitmap scan visits every dead row's heap page on every call. Measured at
 * 300 orders/s: 2.5-4.8 ms per call and a third of PostgreSQL's CPU before.
 *
 * Not a named statement, unlike the outbox append: prepared once, PostgreSQL may switch it to a
 * generic plan, and at 300 orders/s that plan took 4 ms a call again (0.3 ms planned each time).
 */
export async function readOutboxBatch(
  client: pg.ClientBase,
  limits: { readonly batchSize: number; readonly maxRequestBytes: number },
  inFlightIds: readonly string[],
): Promise<OutboxBatch> {
  const { rows } = await client.query<OutboxRow>(
    `SELECT id, topic, message_key, value, headers, record_timestamp
       FROM (
         SELECT id, topic, message_key, value, headers, record_timestamp::text AS record_timestamp,
                sum(octet_length(message_key) + coalesce(octet_length(value), 0) + octet_length(headers::text) + $3)
                  OVER (ORDER BY id) AS bytes_through,
                row_number() OVER (ORDER BY id) AS position
           FROM kafka_outbox
          WHERE id = ANY (ARRAY(
                  SELECT id FROM kafka_outbox
                   WHERE sent_at IS NULL AND NOT (id = ANY($4::bigint[]))
                   ORDER BY id
                   LIMIT $1))
       ) unsent
      WHERE bytes_through <= $2 OR position = 1
      ORDER BY id`,
    [limits.batchSize, limits.maxRequestBytes, recordOverheadBytes, inFlightIds],
  );
  return { rows, ids: rows.map((row) => row.id) };
}

/** Consecutive rows of one topic go in one list, in id order; kafkajs keeps that order per partition. */
export function groupByTopic(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, EventMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.value, timestamp: row.record_timestamp, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}
