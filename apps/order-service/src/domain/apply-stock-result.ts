import type { UnavailableItem } from '@orderflow/events';
import type { ActionContext, OrderOutboxEntry, OrderTransaction } from './order-ports.ts';
import { applyTransition, canApply } from './order-state-machine.ts';
import type { Order } from './order.ts';

/** What the inventory answered for one order. */
export type StockResult =
  | { readonly type: 'StockReservedEvent'; readonly orderId: string }
  | {
      readonly type: 'StockReservationFailedEvent';
      readonly orderId: string;
      readonly unavailableItems: readonly UnavailableItem[];
    };

/**
 * What an inventory result did. `ignored`: it no longer applies, e.g. stock reserved for an
 * order the customer cancelled meanwhile. That is normal, not an error: the cancel already
 * published OrderCancelledEvent, which comes after OrderPlacedEvent on the order's partition,
 * so the inventory releases the reservation when it reads it.
 */
export type StockResultOutcome =
  { readonly outcome: 'applied'; readonly order: Order } | { readonly outcome: 'ignored'; readonly reason: string };

type Decision = { readonly outcome: StockResultOutcome; readonly event?: OrderOutboxEntry };

/**
 * Applies inventory results in the caller's (inbox) transaction, as a set: every order they
 * name is read and locked in one statement, each result is decided in memory in the order
 * given (offset order, so a second result for an order sees what the first did), then all
 * changed orders are written in one statement and all their events appended in one.
 *
 * - StockReservedEvent: PENDING → CONFIRMED, with OrderConfirmedEvent.
 * - StockReservationFailedEvent: PENDING → REJECTED, with OrderRejectedEvent carrying the reasons.
 */
export async function applyStockResults(
  transaction: OrderTransaction,
  results: readonly { readonly result: StockResult; readonly context: ActionContext }[],
): Promise<StockResultOutcome[]> {
  const current = await transaction.orders.findManyForUpdate([...new Set(results.map(({ result }) => result.orderId))]);
  const changed = new Map<string, Order>();
  const events: OrderOutboxEntry[] = [];
  const outcomes = results.map(({ result, context }) => {
    const decision = decide(current.get(result.orderId), result, context);
    if (decision.outcome.outcome === 'applied') {
      current.set(result.orderId, decision.outcome.order);
      changed.set(result.orderId, decision.outcome.order);
    }
    if (decision.event) events.push(decision.event);
    return decision.outcome;
  });
  await transaction.orders.updateMany([...changed.values()]);
  await transaction.outbox.appendMany(events);
  return outcomes;
}

function decide(order: Order | undefined, result: StockResult, context: ActionContext): Decision {
  // An order this service never stored (e.g. another environment's): nothing to change.
  if (!order) return { outcome: { outcome: 'ignored', reason: `order ${result.orderId} does not exist` } };
  const action = result.type === 'StockReservedEvent' ? 'confirm' : 'reject';
  if (!canApply(order.status, action))
    return { outcome: { outcome: 'ignored', reason: `order ${order.id} is already ${order.status}` } };
  const { id: orderId, customerId, email } = order;
  if (result.type === 'StockReservedEvent') {
    const confirmed = applyTransition(order, 'confirm', context.now);
    return {
      outcome: { outcome: 'applied', order: confirmed },
      event: { type: 'OrderConfirmedEvent', event: { orderId, customerId, email }, context },
    };
  }
  const unavailableItems = [...result.unavailableItems];
  const rejected: Order = { ...applyTransition(order, 'reject', context.now), unavailableItems };
  return {
    outcome: { outcome: 'applied', order: rejected },
    event: { type: 'OrderRejectedEvent', event: { orderId, customerId, email, unavailableItems }, context },
  };
}
