import {
  eventContextOf,
  eventToMessage,
  type ActionContext,
  type EventMap,
  type EventMessage,
  type EventPayload,
  type TopicDefinition,
} from '@orderflow/events';
import type pg from 'pg';

/** The channel the relay LISTENs on; an insert NOTIFYs it, delivered when the transaction commits. */
export const outboxChannel = 'kafka_outbox';

/** One event for the outbox: its type, its payload and the action it comes from. */
export type OutboxEntry<Events extends EventMap> = {
  [Type in keyof Events & string]: {
    readonly type: Type;
    readonly event: EventPayload<Events[Type]>;
    readonly context: ActionContext;
  };
}[keyof Events & string];

export type AppendedRow = { readonly id: string; readonly eventId: string };

/**
 * A transaction's outbox for one topic: what a use case's outbox port asks for, so a service's
 * persistence code hands it over as it is. Every event goes in through appendToOutbox.
 */
export type Outbox<Events extends EventMap> = {
  append<Type extends keyof Events & string>(
    type: Type,
    event: EventPayload<Events[Type]>,
    context: ActionContext,
  ): Promise<void>;
  appendMany(entries: readonly OutboxEntry<Events>[]): Promise<void>;
};

/** The outbox on the client the transaction's state changes are written with. */
export function outboxOf<Events extends EventMap>(
  client: pg.ClientBase,
  topic: TopicDefinition<Events>,
): Outbox<Events> {
  const outbox: Outbox<Events> = {
    append: (type, event, context) => outbox.appendMany([{ type, event, context } as OutboxEntry<Events>]),
    async appendMany(entries) {
      await appendToOutbox(client, topic, entries);
    },
  };
  return outbox;
}

/**
 * Adds events to the outbox inside the caller's transaction: pass the client the state change
 * was written with, so both commit, or neither does. One statement, whatever their number: a
 * batch consumer's effects cost one round trip, not one per event. Rows get their ids in the
 * entries' order (the insert reads them ORDER BY position), so the relay publishes them in
 * that order.
 *
 * Per-key order: the relay publishes in id order, and ids are handed out at insert time.
 * Two transactions writing events of one key must therefore not overlap; they do not when,
 * as usual, each first updates (and so locks) the row the key names, e.g. the order.
 */
export async function appendToOutbox<Events extends EventMap>(
  client: pg.ClientBase,
  topic: TopicDefinition<Events>,
  entries: readonly OutboxEntry<Events>[],
): Promise<AppendedRow[]> {
  if (entries.length === 0) return [];
  const insert = outboxInsert(topic, entries);
  // One statement inserts the rows and queues the NOTIFY: PostgreSQL sends it on COMMIT (once,
  // however many rows) and drops it on ROLLBACK, so the relay wakes exactly when there is
  // something to publish.
  const { rows } = await client.query<{ id: string }>({
    // Named: PostgreSQL parses and plans it once per connection instead of on every call.
    name: 'kafka-outbox-append',
    text: `WITH added AS (${insert.text}) SELECT id, pg_notify($${insert.values.length + 1}, '') FROM added ORDER BY id`,
    values: [...insert.values, outboxChannel],
  });
  return rows.map((row, index) => ({ id: row.id, eventId: insert.eventIds[index] ?? '' }));
}

/** An outbox INSERT … RETURNING id, to run on its own or inside another statement (a CTE). */
export type OutboxInsert = {
  /** Uses the parameters $firstParameter to $firstParameter + 6. */
  readonly text: string;
  readonly values: readonly unknown[];
  /** The events' ids, in the entries' order. */
  readonly eventIds: readonly string[];
};

/**
 * The outbox insert as SQL another statement can embed. An outbox row is an ordinary INSERT,
 * so it can join the statement that makes the state change: one statement is one transaction,
 * and the change and its event commit together without BEGIN and COMMIT. `onlyIf` is a SQL
 * condition (it may read the embedding statement's other CTEs): the rows are inserted only
 * when it holds. Whoever embeds it queues the NOTIFY too: `pg_notify(outboxChannel, '')`.
 */
export function outboxInsert<Events extends EventMap>(
  topic: TopicDefinition<Events>,
  entries: readonly OutboxEntry<Events>[],
  { firstParameter = 1, onlyIf = 'true' }: { readonly firstParameter?: number; readonly onlyIf?: string } = {},
): OutboxInsert {
  const rows = outboxRows(topic, entries);
  const [topicName, keys, types, ids, values, headers, timestamps] = Array.from(
    { length: 7 },
    (_, index) => `$${firstParameter + index}`,
  );
  return {
    text: `INSERT INTO kafka_outbox (topic, message_key, event_type, event_id, value, headers, record_timestamp)
       SELECT ${topicName}, message_key, event_type, event_id, value, headers, record_timestamp
         FROM unnest(${keys}::text[], ${types}::text[], ${ids}::uuid[], ${values}::bytea[], ${headers}::jsonb[], ${timestamps}::bigint[]) WITH ORDINALITY
              AS entry (message_key, event_type, event_id, value, headers, record_timestamp, position)
        WHERE ${onlyIf}
        ORDER BY position
       RETURNING id`,
    values: [
      topic.name,
      rows.map((row) => row.key),
      rows.map((row) => row.type),
      rows.map((row) => row.eventId),
      rows.map((row) => row.value),
      rows.map((row) => JSON.stringify(row.headers)),
      rows.map((row) => row.timestamp),
    ],
    eventIds: rows.map((row) => row.eventId),
  };
}

/** An outbox row: the encoded message, its event's type and id. */
type OutboxRow = EventMessage & { readonly type: string; readonly eventId: string };

/**
 * The outbox rows of these entries, as the relay will publish them. The one place an action's
 * context becomes the event's headers, and the event is encoded and validated (eventToMessage):
 * a bad event fails the request, not the relay later.
 */
function outboxRows<Events extends EventMap>(
  topic: TopicDefinition<Events>,
  entries: readonly OutboxEntry<Events>[],
): OutboxRow[] {
  return entries.map((entry) => {
    const message = eventToMessage(topic, entry.type, entry.event, eventContextOf(entry.context));
    return { ...message, type: entry.type, eventId: message.headers['event-id'] ?? '' };
  });
}
