import type { TopicDefinition } from '@orderflow/events';
import type pg from 'pg';
import type { EventHandler, EventOf, HandlerContext } from '../consumer/consumer-runner.ts';

/** A handler that writes through `client`: its changes commit together with the inbox row. */
export type TransactionalHandler<Topic extends TopicDefinition> = (
  event: EventOf<Topic>,
  context: HandlerContext,
  client: pg.PoolClient,
) => Promise<void>;

/**
 * Makes a handler idempotent with an inbox: in one transaction, record (consumer group,
 * event id) in kafka_inbox, then run the handler. If the row was already there, the event
 * was handled before (a redelivery after a crash or rebalance, or the outbox re-sending a
 * row): the handler is skipped. The runner commits the offset only after this returns, so
 * after the transaction committed.
 *
 * A second delivery racing the first (e.g. a retry of a timed-out attempt) waits on the
 * first's uncommitted inbox row, and then either skips or, if the first rolled back, runs.
 * An attempt the runner gave up on (signal aborted) is rolled back, never committed.
 */
export function withInbox<Topic extends TopicDefinition>(pool: pg.Pool, handler: TransactionalHandler<Topic>): EventHandler<Topic> {
  return async (event, context) => {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const inserted = await client.query(
        `INSERT INTO kafka_inbox (consumer_group, event_id, topic, partition, record_offset)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [context.groupId, event.metadata.eventId, context.topic, context.partition, context.offset],
      );
      if (inserted.rowCount === 0) {
        await client.query('ROLLBACK');
        return 'duplicate';
      }
      await handler(event, context, client);
      if (context.signal.aborted) throw context.signal.reason;
      await client.query('COMMIT');
      return 'processed';
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: unknown) => {
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      });
      throw error;
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: destroy it, do not reuse it.
      client.release(broken);
    }
  };
}
