import type { OrderItem, UnavailableItem } from '@orderflow/events';
import type { Reservation, ReservationStatus, StockItem } from '../domain/stock-item.ts';

export const stockColumns = 'sku, name, on_hand, reserved, updated_at';

export type StockRow = { sku: string; name: string; on_hand: number; reserved: number; updated_at: Date };

export const rowToStockItem = (row: StockRow): StockItem => ({
  sku: row.sku,
  name: row.name,
  onHand: row.on_hand,
  reserved: row.reserved,
  updatedAt: row.updated_at,
});

export const reservationColumns = 'order_id, status, items, unavailable_items, created_at, updated_at';

export type ReservationRow = {
  order_id: string;
  status: ReservationStatus;
  items: OrderItem[];
  unavailable_items: UnavailableItem[] | null;
  created_at: Date;
  updated_at: Date;
};

export const rowToReservation = (row: ReservationRow): Reservation => ({
  orderId: row.order_id,
  status: row.status,
  items: row.items,
  ...(row.unavailable_items ? { unavailableItems: row.unavailable_items } : {}),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});
