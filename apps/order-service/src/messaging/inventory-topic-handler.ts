import { causedBy, type InventoryTopic } from '@orderflow/events';
import { withSetBasedInbox, type BatchHandler, type EventOf } from '@orderflow/kafka';
import { withCorrelationId, type ServiceLogger } from '@orderflow/service';
import type pg from 'pg';
import { applyStockResults, type StockResult } from '../domain/apply-stock-result.ts';
import type { OrderTransaction } from '../domain/order-ports.ts';

export type InventoryTopicHandlerOptions = {
  readonly pool: pg.Pool;
  /** The use cases' ports on the inbox transaction's client. */
  readonly storeOn: (client: pg.PoolClient) => OrderTransaction;
  readonly logger: ServiceLogger;
};

/**
 * Turns the inventory's results into order changes, through the inbox: the order changes of a
 * batch of results, their events in the outbox and their inbox rows commit together, in offset
 * order, so a redelivered result does nothing. Set-based: a batch costs a handful of
 * statements however many results it holds (see applyStockResults).
 */
export function inventoryTopicHandler({
  pool,
  storeOn,
  logger,
}: InventoryTopicHandlerOptions): BatchHandler<InventoryTopic> {
  return withSetBasedInbox<InventoryTopic>(pool, async (newEvents, client) => {
    const results = newEvents.flatMap(({ event: decoded }) => {
      const result = stockResultOf(decoded);
      return result ? [{ decoded, result, context: { ...causedBy(decoded.metadata), now: new Date() } }] : [];
    });
    const outcomes = await applyStockResults(storeOn(client), results);
    results.forEach(({ decoded }, index) =>
      withCorrelationId(decoded.metadata.correlationId, () => {
        const result = outcomes[index];
        if (result?.outcome === 'ignored') {
          // Deliberate: e.g. stock reserved for an order cancelled meanwhile. The cancel already
          // published OrderCancelledEvent, which makes the inventory release that stock.
          logger.info(
            { eventType: decoded.type, eventId: decoded.metadata.eventId },
            `${decoded.type} ignored: ${result.reason}`,
          );
        } else if (result) {
          logger.info(
            { eventType: decoded.type, orderId: result.order.id },
            `order ${result.order.id} is now ${result.order.status}`,
          );
        }
      }),
    );
  });
}

/** The result an inventory event carries; none in StockReleasedEvent, the answer to our own cancel (the order is CANCELLED already). */
function stockResultOf(decoded: EventOf<InventoryTopic>): StockResult | undefined {
  switch (decoded.type) {
    case 'StockReservedEvent':
      return { type: decoded.type, orderId: decoded.event.orderId };
    case 'StockReservationFailedEvent':
      return { type: decoded.type, orderId: decoded.event.orderId, unavailableItems: decoded.event.unavailableItems };
    case 'StockReleasedEvent':
      return undefined;
  }
}
