import type { UnavailableItem } from '@orderflow/events';
import type { ActionContext, OrderTransaction } from './order-ports.ts';
import { applyTransition, canApply } from './order-state-machine.ts';
import type { Order } from './order.ts';

/**
 * What an inventory result did. `ignored`: it no longer applies, e.g. stock reserved for an
 * order the customer cancelled meanwhile. That is normal, not an error: the cancel already
 * published OrderCancelledEvent, which comes after OrderPlacedEvent on the order's partition,
 * so the inventory releases the reservation when it reads it.
 */
export type StockResultOutcome =
  | { readonly outcome: 'applied'; readonly order: Order }
  | { readonly outcome: 'ignored'; readonly reason: string };

/** StockReservedEvent: PENDING → CONFIRMED, with OrderConfirmedEvent. Runs in the caller's (inbox) transaction. */
export async function confirmOrder(transaction: OrderTransaction, orderId: string, context: ActionContext): Promise<StockResultOutcome> {
  const order = await transaction.orders.findForUpdate(orderId);
  // An order this service never stored (e.g. another environment's): nothing to change.
  if (!order) return { outcome: 'ignored', reason: `order ${orderId} does not exist` };
  if (!canApply(order.status, 'confirm')) return { outcome: 'ignored', reason: `order ${orderId} is already ${order.status}` };
  const confirmed = applyTransition(order, 'confirm', context.now);
  await transaction.orders.update(confirmed);
  const { id, customerId, email } = confirmed;
  await transaction.outbox.append('OrderConfirmedEvent', { orderId: id, customerId, email }, context);
  return { outcome: 'applied', order: confirmed };
}

/** StockReservationFailedEvent: PENDING → REJECTED, with OrderRejectedEvent carrying the reasons. */
export async function rejectOrder(
  transaction: OrderTransaction,
  orderId: string,
  unavailableItems: readonly UnavailableItem[],
  context: ActionContext,
): Promise<StockResultOutcome> {
  const order = await transaction.orders.findForUpdate(orderId);
  // An order this service never stored (e.g. another environment's): nothing to change.
  if (!order) return { outcome: 'ignored', reason: `order ${orderId} does not exist` };
  if (!canApply(order.status, 'reject')) return { outcome: 'ignored', reason: `order ${orderId} is already ${order.status}` };
  const rejected: Order = { ...applyTransition(order, 'reject', context.now), unavailableItems: [...unavailableItems] };
  await transaction.orders.update(rejected);
  const { id, customerId, email } = rejected;
  await transaction.outbox.append('OrderRejectedEvent', { orderId: id, customerId, email, unavailableItems: [...unavailableItems] }, context);
  return { outcome: 'applied', order: rejected };
}
