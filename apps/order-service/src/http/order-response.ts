import type { Order } from '../domain/order.ts';
import type { OrderResponse } from './order-schemas.ts';

export function toOrderResponse(order: Order): OrderResponse {
  return {
    id: order.id,
    customerId: order.customerId,
    email: order.email,
    status: order.status,
    items: order.items.map(({ sku, quantity }) => ({ sku, quantity })),
    ...(order.unavailableItems ? { unavailableItems: order.unavailableItems.map((item) => ({ ...item })) } : {}),
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
  };
}
