import { OrderNotFoundError } from './order-errors.ts';
import type { ActionContext, OrderTransaction, UnitOfWork } from './order-ports.ts';
import { applyTransition } from './order-state-machine.ts';
import type { Order } from './order.ts';

/** CONFIRMED → SHIPPED, with ProductShippedEvent. Any other status: OrderStatusConflictError. */
export function shipOrder(
  unitOfWork: UnitOfWork,
  orderId: string,
  shipment: { readonly trackingUrl?: string | undefined },
  context: ActionContext,
): Promise<Order> {
  return unitOfWork.run(async (transaction) => {
    const shipped = await transition(transaction, orderId, 'ship', context);
    const { id, customerId, email, items } = shipped;
    const trackingUrl = shipment.trackingUrl === undefined ? {} : { trackingUrl: shipment.trackingUrl };
    await transaction.outbox.append(
      'ProductShippedEvent',
      { orderId: id, customerId, email, items: [...items], ...trackingUrl },
      context,
    );
    return shipped;
  });
}

/** PENDING or CONFIRMED → CANCELLED, with OrderCancelledEvent (the inventory releases on it). */
export function cancelOrder(unitOfWork: UnitOfWork, orderId: string, context: ActionContext): Promise<Order> {
  return unitOfWork.run(async (transaction) => {
    const cancelled = await transition(transaction, orderId, 'cancel', context);
    const { id, customerId, email } = cancelled;
    await transaction.outbox.append('OrderCancelledEvent', { orderId: id, customerId, email }, context);
    return cancelled;
  });
}

async function transition(
  { orders }: OrderTransaction,
  orderId: string,
  action: 'ship' | 'cancel',
  context: ActionContext,
): Promise<Order> {
  const order = await orders.findForUpdate(orderId);
  if (!order) throw new OrderNotFoundError(orderId);
  const next = applyTransition(order, action, context.now);
  await orders.update(next);
  return next;
}
