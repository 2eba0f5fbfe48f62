import type { OrderItem, UnavailableItem } from '@orderflow/events';
import type { Order, OrderStatus } from '../domain/order.ts';

/** A row of `orders` as pg returns it (jsonb parsed, timestamptz as Date). */
export type OrderRow = {
  id: string;
  customer_id: string;
  email: string;
  status: OrderStatus;
  items: OrderItem[];
  unavailable_items: UnavailableItem[] | null;
  created_at: Date;
  updated_at: Date;
};

export const orderColumns = 'id, customer_id, email, status, items, unavailable_items, created_at, updated_at';

export function rowToOrder(row: OrderRow): Order {
  return {
    id: row.id,
    customerId: row.customer_id,
    email: row.email,
    items: row.items,
    status: row.status,
    ...(row.unavailable_items ? { unavailableItems: row.unavailable_items } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
