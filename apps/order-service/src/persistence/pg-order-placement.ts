import type { OrdersTopic } from '@orderflow/events';
import { outboxChannel, outboxInsert } from '@orderflow/kafka';
import type pg from 'pg';
import type { OrderPlacement } from '../domain/order-ports.ts';

/**
 * Placing an order in one statement. The key claim, the order and its outbox row are three
 * INSERTs of one data-modifying CTE: a single statement is a transaction of its own, so they
 * commit together, or not at all, in one round trip (BEGIN, three INSERTs and COMMIT would be
 * five, and every POST /orders pays them).
 */
export function pgOrderPlacement(pool: pg.Pool, ordersTopic: OrdersTopic): OrderPlacement {
  const placement: OrderPlacement = {
    async place(order, event, context, claim) {
      const orderValues = [
        order.id,
        order.customerId,
        order.email,
        order.status,
        JSON.stringify(order.items),
        order.createdAt,
        order.updatedAt,
      ];
      // $1-$2 the key claim, $3-$9 the order, then the outbox row's parameters, then the channel.
      const outbox = outboxInsert(ordersTopic, [{ type: 'OrderPlacedEvent', event, context }], {
        firstParameter: 3 + orderValues.length,
        onlyIf: 'EXISTS (SELECT 1 FROM placed)',
      });
      const values = [claim?.key ?? null, claim?.requestHash ?? null, ...orderValues, ...outbox.values];
      const { rowCount } = await pool.query({
        // Named: PostgreSQL parses and plans it once per connection instead of on every POST.
        name: 'order-place',
        // The order is inserted only if there is no key, or the key was claimed just now
        // (ON CONFLICT DO NOTHING returns no row for a key claimed before). A concurrent claim
        // of the same key waits here for the first statement to commit, then claims nothing.
        text: `WITH claimed AS (
           INSERT INTO order_idempotency_keys (idempotency_key, request_hash, order_id)
           SELECT $1::text, $2::text, $3::uuid WHERE $1::text IS NOT NULL
           ON CONFLICT (idempotency_key) DO NOTHING
           RETURNING order_id
         ), placed AS (
           INSERT INTO orders (id, customer_id, email, status, items, created_at, updated_at)
           SELECT $3::uuid, $4::uuid, $5::text, $6::text, $7::jsonb, $8::timestamptz, $9::timestamptz
            WHERE $1::text IS NULL OR EXISTS (SELECT 1 FROM claimed)
           RETURNING id
         ), queued AS (${outbox.text})
         SELECT pg_notify($${values.length + 1}, '') FROM queued`,
        values: [...values, outboxChannel],
      });
      if (rowCount === 1) return undefined;
      if (!claim) throw new Error(`order ${order.id} was not stored`);
      // The key was claimed before: a second statement, which sees the first one committed.
      const { rows } = await pool.query<{ request_hash: string; order_id: string }>(
        'SELECT request_hash, order_id FROM order_idempotency_keys WHERE idempotency_key = $1',
        [claim.key],
      );
      const row = rows[0];
      if (row) return { requestHash: row.request_hash, orderId: row.order_id };
      // Gone in between (the retention job deletes old keys): the key is free again.
      return placement.place(order, event, context, claim);
    },
  };
  return placement;
}
