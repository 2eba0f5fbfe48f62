import type pg from 'pg';
import type { StockQueries } from '../domain/inventory-ports.ts';
import {
  reservationColumns,
  rowToReservation,
  rowToStockItem,
  stockColumns,
  type ReservationRow,
  type StockRow,
} from './stock-rows.ts';

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
      const { rows } = await pool.query<ReservationRow>(
        `SELECT ${reservationColumns} FROM reservations WHERE order_id = $1`,
        [orderId],
      );
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
