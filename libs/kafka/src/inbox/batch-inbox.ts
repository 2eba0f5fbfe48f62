import type { TopicDefinition } from '@orderflow/events';
import { withTransaction } from '@orderflow/service';
import type pg from 'pg';
import type { BatchHandler, BatchItem, HandlerOutcome } from '../consumer/consumer-types.ts';
import type { TransactionalHandler } from './with-inbox.ts';

/**
 * A handler of all of a batch's new events at once, in offset order, writing through `client`:
 * set-based, so the batch costs a few statements however many events it has.
 */
export type TransactionalBatchHandler<Topic extends TopicDefinition> = (
  newEvents: readonly BatchItem<Topic>[],
  client: pg.PoolClient,
) => Promise<void>;

/**
 * The inbox for consecutive records of one partition: ONE transaction for all of them. One
 * INSERT puts every event id of the batch into kafka_inbox; the ids that were new come back
 * (RETURNING), and only their events go to the handler, in offset order, on the same client;
 * then one COMMIT. An event seen before, or twice in the batch (the outbox re-sent a row),
 * is a duplicate and does nothing. Any error rolls the whole batch back, so either every
 * effect of the batch commits or none does; the runner then tries its halves, down to single records.
 *
 * Why set-based: every statement is a round trip, and a round trip waits its turn on a busy
 * event loop (order-service's also serves HTTP). A batch of 300 results handled one statement
 * per event took 2 s under load; read all rows at once, decide in memory in offset order, write
 * all changes at once, and it is a handful of round trips.
 */
export function withSetBasedInbox<Topic extends TopicDefinition>(
  pool: pg.Pool,
  handler: TransactionalBatchHandler<Topic>,
): BatchHandler<Topic> {
  return async (items) => {
    const first = items[0];
    if (!first) return [];
    const { groupId, topic, partition, signal } = first.context;
    return withTransaction(pool, async (client) => {
      const inserted = await client.query<{ event_id: string }>({
        // Named: parsed and planned once per connection (see append-to-outbox.ts).
        name: 'kafka-inbox-claim-batch',
        text: `INSERT INTO kafka_inbox (consumer_group, event_id, topic, partition, record_offset)
         SELECT $1, event_id, $2, $3, record_offset FROM unnest($4::uuid[], $5::bigint[]) AS batch (event_id, record_offset)
         ON CONFLICT DO NOTHING RETURNING event_id`,
        values: [
          groupId,
          topic,
          partition,
          items.map((item) => item.event.metadata.eventId),
          items.map((item) => item.context.offset),
        ],
      });
      // uuid comes back in PostgreSQL's lower-case form.
      const fresh = new Set(inserted.rows.map((row) => row.event_id));
      const outcomes: HandlerOutcome[] = [];
      const newEvents: BatchItem<Topic>[] = [];
      for (const item of items) {
        const isNew = fresh.delete(item.event.metadata.eventId.toLowerCase());
        outcomes.push(isNew ? 'processed' : 'duplicate');
        if (isNew) newEvents.push(item);
      }
      if (newEvents.length > 0) await handler(newEvents, client);
      // An attempt the runner gave up on (timeout) rolls back, never commits.
      if (signal.aborted) throw signal.reason;
      return outcomes;
    });
  };
}

/** withSetBasedInbox for a handler of one event at a time: its events run one after the other. */
export function withBatchInbox<Topic extends TopicDefinition>(
  pool: pg.Pool,
  handler: TransactionalHandler<Topic>,
): BatchHandler<Topic> {
  return withSetBasedInbox<Topic>(pool, async (events, client) => {
    for (const { event, context } of events) {
      await handler(event, context, client);
      if (context.signal.aborted) throw context.signal.reason;
    }
  });
}
