import { OrderStatusConflictError } from './order-errors.ts';
import type { Order, OrderStatus } from './order.ts';

/** What can happen to an order, and from which statuses. Everything else is refused. */
export const orderTransitions = {
  confirm: { from: ['PENDING'], to: 'CONFIRMED' },
  reject: { from: ['PENDING'], to: 'REJECTED' },
  cancel: { from: ['PENDING', 'CONFIRMED'], to: 'CANCELLED' },
  ship: { from: ['CONFIRMED'], to: 'SHIPPED' },
} as const satisfies Record<string, { from: readonly OrderStatus[]; to: OrderStatus }>;

export type OrderAction = keyof typeof orderTransitions;

export function canApply(status: OrderStatus, action: OrderAction): boolean {
  return (orderTransitions[action].from as readonly OrderStatus[]).includes(status);
}

/** The order after `action`, or OrderStatusConflictError naming the current status. */
export function applyTransition(order: Order, action: OrderAction, now: Date): Order {
  if (!canApply(order.status, action)) throw new OrderStatusConflictError(order, action);
  return { ...order, status: orderTransitions[action].to, updatedAt: now };
}
