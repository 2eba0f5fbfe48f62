import { eventContextOf, type ordersTopic } from '@orderflow/events';
import { appendManyToOutbox, type OutboxEntry } from '@orderflow/kafka';
import { withTransaction } from '@orderflow/service';
import type pg from 'pg';
import type { IdempotencyKeyStore, OrderOutbox, OrderOutboxEntry, OrderTransaction, UnitOfWork } from '../domain/order-ports.ts';
import { pgOrderRepository } from './pg-order-store.ts';

/** The orders topic, or a test's copy of it under another name. */
export type OrdersTopic = typeof ordersTopic;

/** A transaction's ports, all on one client: state, idempotency keys and outbox commit together. */
export function pgTransaction(client: pg.ClientBase, ordersTopic: OrdersTopic): OrderTransaction {
  return {
    orders: pgOrderRepository(client),
    idempotencyKeys: pgIdempotencyKeys(client),
    outbox: pgOutbox(client, ordersTopic),
  };
}

export function pgUnitOfWork(pool: pg.Pool, ordersTopic: OrdersTopic): UnitOfWork {
  return { run: (work) => withTransaction(pool, (client) => work(pgTransaction(client, ordersTopic))) };
}

function pgOutbox(client: pg.ClientBase, ordersTopic: OrdersTopic): OrderOutbox {
  const outbox: OrderOutbox = {
    append: (type, event, context) => outbox.appendMany([{ type, event, context } as OrderOutboxEntry]),
    async appendMany(entries) {
      await appendManyToOutbox(client, ordersTopic, entries.map(({ type, event, context }) => ({ type, event, context: eventContextOf(context) }) as OutboxEntry<OrdersTopic['events']>));
    },
  };
  return outbox;
}

function pgIdempotencyKeys(client: pg.ClientBase): IdempotencyKeyStore {
  return {
    async claim(key, requestHash, orderId) {
      // A concurrent claim of the same key waits here for the first transaction, then sees its row.
      // Named, like the order insert: every POST runs it, so it is planned once per connection.
      const inserted = await client.query({
        name: 'order-idempotency-claim',
        text: `INSERT INTO order_idempotency_keys (idempotency_key, request_hash, order_id)
               VALUES ($1, $2, $3) ON CONFLICT (idempotency_key) DO NOTHING`,
        values: [key, requestHash, orderId],
      });
      if (inserted.rowCount === 1) return undefined;
      const { rows } = await client.query<{ request_hash: string; order_id: string }>(
        'SELECT request_hash, order_id FROM order_idempotency_keys WHERE idempotency_key = $1',
        [key],
      );
      const row = rows[0];
      return row && { requestHash: row.request_hash, orderId: row.order_id };
    },
  };
}
