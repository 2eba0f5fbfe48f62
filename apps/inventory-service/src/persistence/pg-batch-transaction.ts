import type { InventoryTopic } from '@orderflow/events';
import { appendToOutbox, type OutboxEntry } from '@orderflow/kafka';
import type pg from 'pg';
import type { BatchScope, InventoryBatch, InventoryTransaction } from '../domain/inventory-ports.ts';
import type { Reservation, StockItem } from '../domain/stock-item.ts';
import {
  reservationColumns,
  rowToReservation,
  rowToStockItem,
  stockColumns,
  type ReservationRow,
  type StockRow,
} from './stock-rows.ts';

/**
 * The ports are written once per batch, so a batch costs a few statements however many events it
 * has (see libs/kafka withSetBasedInbox for why that matters).
 *
 * One InventoryTransaction for a whole batch of events, set-based. Up front it reads and locks
 * every reservation of the batch's orders and every stock row they touch, two statements (stock
 * in sku order: every transaction locks in the same order, so none deadlock). The use cases
 * then run unchanged, event by event in offset order, against those rows in memory: each sees
 * what the events before it did, exactly as one transaction per event would. flush() writes the
 * changes, still inside the inbox transaction. Rows outside what was locked up front are read
 * and locked when asked for, so a use case never sees a stale row.
 */
export async function pgBatchTransaction(
  client: pg.ClientBase,
  inventoryTopic: InventoryTopic,
  wanted: BatchScope,
): Promise<InventoryBatch> {
  const reservations = new Map<string, Reservation | undefined>();
  const stock = new Map<string, StockItem | undefined>();
  const inserted = new Set<string>();
  const updated = new Set<string>();
  const changedSkus = new Set<string>();
  const events: OutboxEntry<InventoryTopic['events']>[] = [];

  async function loadReservations(orderIds: readonly string[]) {
    const { rows } = await client.query<ReservationRow>(
      `SELECT ${reservationColumns} FROM reservations WHERE order_id = ANY($1::uuid[]) ORDER BY order_id FOR UPDATE`,
      [orderIds],
    );
    for (const orderId of orderIds) reservations.set(orderId, undefined);
    for (const row of rows) reservations.set(row.order_id, rowToReservation(row));
  }
  async function loadStock(skus: readonly string[]) {
    const { rows } = await client.query<StockRow>(
      `SELECT ${stockColumns} FROM stock WHERE sku = ANY($1::text[]) ORDER BY sku FOR UPDATE`,
      [skus],
    );
    for (const sku of skus) stock.set(sku, undefined);
    for (const row of rows) stock.set(row.sku, rowToStockItem(row));
  }
  const changeStock = (sku: string, change: (item: StockItem) => StockItem) => {
    const item = stock.get(sku);
    if (!item) throw new Error(`stock row ${sku} was not locked by this transaction`);
    stock.set(sku, change(item));
    changedSkus.add(sku);
  };

  await loadReservations(wanted.orderIds);
  // A cancel or a shipment touches the skus of its reservation, not of its event.
  const reservedSkus = [...reservations.values()].flatMap(
    (reservation) => reservation?.items.map((item) => item.sku) ?? [],
  );
  await loadStock([...new Set([...wanted.skus, ...reservedSkus])]);

  const transaction: InventoryTransaction = {
    reservations: {
      async findForUpdate(orderId) {
        if (!reservations.has(orderId)) await loadReservations([orderId]);
        return reservations.get(orderId);
      },
      async insert(reservation) {
        reservations.set(reservation.orderId, reservation);
        inserted.add(reservation.orderId);
      },
      async updateStatus(orderId, status, now) {
        const reservation = reservations.get(orderId);
        if (!reservation) throw new Error(`reservation of order ${orderId} was not locked by this transaction`);
        reservations.set(orderId, { ...reservation, status, updatedAt: now });
        updated.add(orderId);
      },
    },
    stock: {
      async lockForUpdate(skus) {
        const missing = skus.filter((sku) => !stock.has(sku));
        if (missing.length > 0) await loadStock(missing);
        return new Map(skus.flatMap((sku) => (stock.get(sku) ? [[sku, stock.get(sku) as StockItem] as const] : [])));
      },
      async changeReserved(sku, delta) {
        changeStock(sku, (item) => ({ ...item, reserved: item.reserved + delta }));
      },
      async removeShipped(sku, quantity) {
        changeStock(sku, (item) => ({ ...item, onHand: item.onHand - quantity, reserved: item.reserved - quantity }));
      },
    },
    // Held until flush(): the batch's events go into the outbox in one statement.
    outbox: {
      async append(type, event, context) {
        events.push({ type, event, context } as OutboxEntry<InventoryTopic['events']>);
      },
    },
  };

  async function flush() {
    const items = [...changedSkus].flatMap((sku) => stock.get(sku) ?? []);
    if (items.length > 0) {
      await client.query(
        `UPDATE stock SET on_hand = changed.on_hand, reserved = changed.reserved, updated_at = now()
           FROM unnest($1::text[], $2::integer[], $3::integer[]) AS changed (sku, on_hand, reserved)
          WHERE stock.sku = changed.sku`,
        [items.map((item) => item.sku), items.map((item) => item.onHand), items.map((item) => item.reserved)],
      );
    }
    const rowsOf = (orderIds: Iterable<string>) => [...orderIds].flatMap((orderId) => reservations.get(orderId) ?? []);
    const added = rowsOf(inserted);
    if (added.length > 0) {
      await client.query(
        `INSERT INTO reservations (order_id, status, items, unavailable_items, created_at, updated_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::jsonb[], $4::jsonb[], $5::timestamptz[], $6::timestamptz[])`,
        [
          added.map((row) => row.orderId),
          added.map((row) => row.status),
          added.map((row) => JSON.stringify(row.items)),
          added.map((row) => (row.unavailableItems ? JSON.stringify(row.unavailableItems) : null)),
          added.map((row) => row.createdAt),
          added.map((row) => row.updatedAt),
        ],
      );
    }
    const changed = rowsOf([...updated].filter((orderId) => !inserted.has(orderId)));
    if (changed.length > 0) {
      await client.query(
        `UPDATE reservations SET status = changed.status, updated_at = changed.updated_at
           FROM unnest($1::uuid[], $2::text[], $3::timestamptz[]) AS changed (order_id, status, updated_at)
          WHERE reservations.order_id = changed.order_id`,
        [changed.map((row) => row.orderId), changed.map((row) => row.status), changed.map((row) => row.updatedAt)],
      );
    }
    await appendToOutbox(client, inventoryTopic, events);
  }

  return { transaction, flush };
}
