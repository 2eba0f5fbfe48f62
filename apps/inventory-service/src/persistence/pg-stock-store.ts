import type pg from 'pg';
import type { ReservationRepository, StockQueries, StockRepository } from '../domain/inventory-ports.ts';
import { reservationColumns, rowToReservation, rowToStockItem, stockColumns, type ReservationRow, type StockRow } from './stock-rows.ts';

/** Stock writes of one transaction: every statement runs on its client. */
export function pgStockRepository(client: pg.ClientBase): StockRepository {
  return {
    async lockForUpdate(skus) {
      // ORDER BY sku: every transaction locks in the same order, so two never deadlock.
      const { rows } = await client.query<StockRow>(`SELECT ${stockColumns} FROM stock WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE`, [skus]);
      return new Map(rows.map((row) => [row.sku, rowToStockItem(row)]));
    },
    async changeReserved(sku, delta) {
      await client.query('UPDATE stock SET reserved = reserved + $2, updated_at = now() WHERE sku = $1', [sku, delta]);
    },
    async removeShipped(sku, quantity) {
      await client.query('UPDATE stock SET on_hand = on_hand - $2, reserved = reserved - $2, updated_at = now() WHERE sku = $1', [sku, quantity]);
    },
  };
}

export function pgReservationRepository(client: pg.ClientBase): ReservationRepository {
  return {
    async findForUpdate(orderId) {
      const { rows } = await client.query<ReservationRow>(`SELECT ${reservationColumns} FROM reservations WHERE order_id = $1 FOR UPDATE`, [orderId]);
      return rows[0] && rowToReservation(rows[0]);
    },
    async insert(reservation) {
      await client.query(
        `INSERT INTO reservations (order_id, status, items, unavailable_items, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [
          reservation.orderId,
          reservation.status,
          JSON.stringify(reservation.items),
          reservation.unavailableItems ? JSON.stringify(reservation.unavailableItems) : null,
          reservation.createdAt,
          reservation.updatedAt,
        ],
      );
    },
    async updateStatus(orderId, status, now) {
      await client.query('UPDATE reservations SET status = $2, updated_at = $3 WHERE order_id = $1', [orderId, status, now]);
    },
  };
}

/** Reads (and the one-statement restock) straight from the pool. */
export function pgStockQueries(pool: pg.Pool): StockQueries {
  return {
    async list() {
      const { rows } = await pool.query<StockRow>(`SELECT ${stockColumns} FROM stock ORDER BY sku`);
      return rows.map(rowToStockItem);
    },
    async find(sku) {
      const { rows } = await pool.query<StockRow>(`SELECT ${stockColumns} FROM stock WHERE sku = $1`, [sku]);
      return rows[0] && rowToStockItem(rows[0]);
    },
    async findReservation(orderId) {
      const { rows } = await pool.query<ReservationRow>(`SELECT ${reservationColumns} FROM reservations WHERE order_id = $1`, [orderId]);
      return rows[0] && rowToReservation(rows[0]);
    },
    async setAvailable(sku, available, name) {
      // One statement, so it is atomic against a reservation of the same sku: the row lock
      // taken by the UPDATE makes them run one after the other.
      const { rows } = await pool.query<StockRow>(
        `INSERT INTO stock (sku, name, on_hand) VALUES ($1, COALESCE($3, $1), $2)
         ON CONFLICT (sku) DO UPDATE
           SET on_hand = stock.reserved + $2, name = COALESCE($3, stock.name), updated_at = now()
         RETURNING ${stockColumns}`,
        [sku, available, name ?? null],
      );
      const row = rows[0];
      if (!row) throw new Error(`restocking ${sku} returned no row`);
      return rowToStockItem(row);
    },
  };
}
