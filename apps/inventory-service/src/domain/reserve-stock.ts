import type { OrderPlacedEvent } from '@orderflow/events';
import type { ActionContext, InventoryTransaction } from './inventory-ports.ts';
import { quantitiesBySku, unavailableLines } from './plan-reservation.ts';
import type { Reservation } from './stock-item.ts';

/**
 * What handling an event did. `ignored`: nothing to do (a repeat, nothing reserved to release).
 * `stale`: the event is older than what the inventory knows of the order, so it was refused:
 * a placement that arrives after the order's cancel (a replayed dead letter).
 */
export type StockOutcome =
  | { readonly outcome: 'applied'; readonly reservation: Reservation }
  | { readonly outcome: 'ignored'; readonly reason: string }
  | { readonly outcome: 'stale'; readonly reason: string };

/**
 * OrderPlacedEvent: reserve every item or none, then say which (StockReservedEvent or
 * StockReservationFailedEvent). Runs in the caller's (inbox) transaction.
 *
 * Several instances handle different partitions at once, so two orders may race for the last
 * unit. The stock rows are locked (SELECT … FOR UPDATE) before they are read: the second
 * transaction waits until the first commits and then sees the unit gone. Exactly one wins.
 */
export async function reserveStock(
  transaction: InventoryTransaction,
  order: OrderPlacedEvent,
  context: ActionContext,
): Promise<StockOutcome> {
  const existing = await transaction.reservations.findForUpdate(order.orderId);
  // Cancelled before we saw it placed: reserving now would hold the stock for ever, since the
  // cancel that would release it has been handled already.
  if (existing?.status === 'CANCELLED')
    return { outcome: 'stale', reason: `order ${order.orderId} was cancelled before it was placed here` };
  // The same order placed twice under two event ids (the inbox only knows event ids).
  if (existing)
    return { outcome: 'ignored', reason: `order ${order.orderId} was handled already (${existing.status})` };

  const wanted = quantitiesBySku(order.items);
  const stock = await transaction.stock.lockForUpdate([...wanted.keys()]);
  const unavailable = unavailableLines(wanted, stock);
  const base = { orderId: order.orderId, items: order.items, createdAt: context.now, updatedAt: context.now };

  if (unavailable.length > 0) {
    const failed: Reservation = { ...base, status: 'FAILED', unavailableItems: unavailable };
    await transaction.reservations.insert(failed);
    await transaction.outbox.append(
      'StockReservationFailedEvent',
      { orderId: order.orderId, unavailableItems: unavailable },
      context,
    );
    return { outcome: 'applied', reservation: failed };
  }
  for (const [sku, quantity] of wanted) await transaction.stock.changeReserved(sku, quantity);
  const held: Reservation = { ...base, status: 'HELD' };
  await transaction.reservations.insert(held);
  await transaction.outbox.append('StockReservedEvent', { orderId: order.orderId, items: [...order.items] }, context);
  return { outcome: 'applied', reservation: held };
}
