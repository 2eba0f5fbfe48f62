import type pg from 'pg';
import type { OrderFilter, OrderQueries, OrderRepository } from '../domain/order-ports.ts';
import type { Order } from '../domain/order.ts';
import { orderColumns, rowToOrder, type OrderRow } from './order-rows.ts';

/** Writes of one transaction: every statement runs on its client. */
export function pgOrderRepository(client: pg.ClientBase): OrderRepository {
  return {
    async insert(order) {
      await client.query(
        `INSERT INTO orders (id, customer_id, email, status, items, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [order.id, order.customerId, order.email, order.status, JSON.stringify(order.items), order.createdAt, order.updatedAt],
      );
    },
    async findForUpdate(id) {
      const { rows } = await client.query<OrderRow>(`SELECT ${orderColumns} FROM orders WHERE id = $1 FOR UPDATE`, [id]);
      return rows[0] && rowToOrder(rows[0]);
    },
    async update(order: Order) {
      await client.query('UPDATE orders SET status = $2, unavailable_items = $3, updated_at = $4 WHERE id = $1', [
        order.id,
        order.status,
        order.unavailableItems ? JSON.stringify(order.unavailableItems) : null,
        order.updatedAt,
      ]);
    },
  };
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
