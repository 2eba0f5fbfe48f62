import type { TopicDefinition } from '@orderflow/events';
import { withTransaction } from '@orderflow/service';
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
 * If the first belongs to a frozen instance, the wait lasts until the server ends that
 * session (idle_in_transaction_session_timeout, see libs/service create-pool.ts); a wait that
 * times out first is a dependency wait, not a failure of the record (isDependencyUnavailable).
 */
export function withInbox<Topic extends TopicDefinition>(
  pool: pg.Pool,
  handler: TransactionalHandler<Topic>,
): EventHandler<Topic> {
  return (event, context) =>
    withTransaction(pool, async (client) => {
      const inserted = await client.query(
        `INSERT INTO kafka_inbox (consumer_group, event_id, topic, partition, record_offset)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
        [context.groupId, event.metadata.eventId, context.topic, context.partition, context.offset],
      );
      // Handled before: the (empty) transaction commits and the handler is skipped.
      if (inserted.rowCount === 0) return 'duplicate';
      await handler(event, context, client);
      if (context.signal.aborted) throw context.signal.reason;
      return 'processed';
    });
}
