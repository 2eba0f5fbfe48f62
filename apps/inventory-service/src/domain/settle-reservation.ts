import type { ActionContext, InventoryTransaction } from './inventory-ports.ts';
import { quantitiesBySku } from './plan-reservation.ts';
import type { StockOutcome } from './reserve-stock.ts';

/**
 * OrderCancelledEvent: a HELD reservation goes back on the shelf (StockReleasedEvent). Only
 * a held one, and only once: the reservation's status is the guard, so a cancel of a
 * rejected, shipped or already released order changes nothing.
 */
export async function releaseStock(
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
