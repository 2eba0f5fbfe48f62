import { OrderNotFoundError } from './order-errors.ts';
import type { OrderFilter, OrderQueries } from './order-ports.ts';
import type { Order } from './order.ts';

export async function getOrder(queries: OrderQueries, orderId: string): Promise<Order> {
  const order = await queries.findById(orderId);
  if (!order) throw new OrderNotFoundError(orderId);
  return order;
}

/** One page of orders, newest first; `nextOffset` is set when there are more. */
export async function listOrders(
  queries: OrderQueries,
  filter: OrderFilter,
): Promise<{ orders: Order[]; nextOffset?: number }> {
  // One more than asked tells whether another page exists, without a COUNT.
  const found = await queries.list({ ...filter, limit: filter.limit + 1 });
  const orders = found.slice(0, filter.limit);
  return found.length > filter.limit ? { orders, nextOffset: filter.offset + filter.limit } : { orders };
}
