import type pg from 'pg';
import type { OrderFilter, OrderQueries, OrderRepository } from '../domain/order-ports.ts';
import type { Order } from '../domain/order.ts';
import { orderColumns, rowToOrder, type OrderRow } from './order-rows.ts';

/** Writes of one transaction: every statement runs on its client. */
export function pgOrderRepository(client: pg.ClientBase): OrderRepository {
  const repository: OrderRepository = {
    async findForUpdate(id) {
      const { rows } = await client.query<OrderRow>(`SELECT ${orderColumns} FROM orders WHERE id = $1 FOR UPDATE`, [
        id,
      ]);
      return rows[0] && rowToOrder(rows[0]);
    },
    update: (order: Order) => repository.updateMany([order]),
    async findManyForUpdate(ids) {
      const { rows } = await client.query<OrderRow>(
        `SELECT ${orderColumns} FROM orders WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [ids],
      );
      return new Map(rows.map((row) => [row.id, rowToOrder(row)]));
    },
    async updateMany(orders) {
      if (orders.length === 0) return;
      await client.query(
        `UPDATE orders SET status = changed.status, unavailable_items = changed.unavailable_items, updated_at = changed.updated_at
           FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::timestamptz[]) AS changed (id, status, unavailable_items, updated_at)
          WHERE orders.id = changed.id`,
        [
          orders.map((order) => order.id),
          orders.map((order) => order.status),
          orders.map((order) => (order.unavailableItems ? JSON.stringify(order.unavailableItems) : null)),
          orders.map((order) => order.updatedAt),
        ],
      );
    },
  };
  return repository;
}

/** Reads outside any transaction, straight from the pool. */
export function pgOrderQueries(pool: pg.Pool): OrderQueries {
  return {
    async findById(id) {
      const { rows } = await pool.query<OrderRow>(`SELECT ${orderColumns} FROM orders WHERE id = $1`, [id]);
      return rows[0] && rowToOrder(rows[0]);
    },
    async list({ status, customerId, limit, offset }: OrderFilter) {
      const { rows } = await pool.query<OrderRow>(
        `SELECT ${orderColumns} FROM orders
          WHERE ($1::text IS NULL OR status = $1) AND ($2::uuid IS NULL OR customer_id = $2)
          ORDER BY id DESC LIMIT $3 OFFSET $4`,
        [status ?? null, customerId ?? null, limit, offset],
      );
      return rows.map(rowToOrder);
    },
  };
}
