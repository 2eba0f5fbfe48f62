import type { ActionContext, InventoryTransaction } from './inventory-ports.ts';
import { quantitiesBySku } from './plan-reservation.ts';
import type { StockOutcome } from './reserve-stock.ts';
import type { Reservation } from './stock-item.ts';

/**
 * OrderCancelledEvent: a HELD reservation goes back on the shelf (StockReleasedEvent). Only
 * a held one, and only once: the reservation's status is the guard, so a cancel of a
 * rejected, shipped or already released order changes nothing.
 *
 * A cancel of an order never seen placed (its placement was dead-lettered) leaves a CANCELLED
 * row, in the same transaction: then reserveStock refuses the placement if it is replayed later.
 */
export async function releaseStock(
  transaction: InventoryTransaction,
  orderId: string,
  context: ActionContext,
): Promise<StockOutcome> {
  const reservation = await transaction.reservations.findForUpdate(orderId);
  if (!reservation) {
    const cancelled: Reservation = {
      orderId,
      status: 'CANCELLED',
      items: [],
      createdAt: context.now,
      updatedAt: context.now,
    };
    await transaction.reservations.insert(cancelled);
    return { outcome: 'applied', reservation: cancelled };
  }
  if (reservation.status !== 'HELD')
    return { outcome: 'ignored', reason: `the reservation of order ${orderId} is ${reservation.status}` };

  const wanted = quantitiesBySku(reservation.items);
  await transaction.stock.lockForUpdate([...wanted.keys()]);
  for (const [sku, quantity] of wanted) await transaction.stock.changeReserved(sku, -quantity);
  await transaction.reservations.updateStatus(orderId, 'RELEASED', context.now);
  await transaction.outbox.append('StockReleasedEvent', { orderId, items: [...reservation.items] }, context);
  return { outcome: 'applied', reservation: { ...reservation, status: 'RELEASED', updatedAt: context.now } };
}

/** ProductShippedEvent: the reserved units leave the warehouse for good. Nothing is published. */
export async function shipReservedStock(
  transaction: InventoryTransaction,
  orderId: string,
  context: ActionContext,
): Promise<StockOutcome> {
  const reservation = await transaction.reservations.findForUpdate(orderId);
  if (!reservation) return { outcome: 'ignored', reason: `no reservation for order ${orderId}` };
  if (reservation.status !== 'HELD')
    return { outcome: 'ignored', reason: `the reservation of order ${orderId} is ${reservation.status}` };

  const wanted = quantitiesBySku(reservation.items);
  await transaction.stock.lockForUpdate([...wanted.keys()]);
  for (const [sku, quantity] of wanted) await transaction.stock.removeShipped(sku, quantity);
  await transaction.reservations.updateStatus(orderId, 'SHIPPED', context.now);
  return { outcome: 'applied', reservation: { ...reservation, status: 'SHIPPED', updatedAt: context.now } };
}
