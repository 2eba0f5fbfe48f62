import { causedBy, type inventoryTopic } from '@orderflow/events';
import { withBatchInbox, type BatchHandler, type ServiceLogger } from '@orderflow/kafka';
import { withCorrelationId } from '@orderflow/service';
import type pg from 'pg';
import { confirmOrder, rejectOrder, type StockResultOutcome } from '../domain/apply-stock-result.ts';
import type { OrderTransaction } from '../domain/order-ports.ts';

export type InventoryTopic = typeof inventoryTopic;

export type InventoryHandlerOptions = {
  readonly pool: pg.Pool;
  /** The use cases' ports on the inbox transaction's client. */
  readonly transactionOn: (client: pg.PoolClient) => OrderTransaction;
  readonly logger: ServiceLogger;
};

/**
 * Turns the inventory's results into order changes, through the inbox: the order changes of a
 * batch of results, their events in the outbox and their inbox rows commit together, in offset
 * order, so a redelivered result does nothing.
 */
export function inventoryHandler({ pool, transactionOn, logger }: InventoryHandlerOptions): BatchHandler<InventoryTopic> {
  return withBatchInbox<InventoryTopic>(pool, (decoded, _context, client) =>
    withCorrelationId(decoded.metadata.correlationId, async () => {
      const transaction = transactionOn(client);
      const context = { ...causedBy(decoded.metadata), now: new Date() };
      let result: StockResultOutcome;
      switch (decoded.type) {
        case 'StockReservedEvent':
          result = await confirmOrder(transaction, decoded.event.orderId, context);
          break;
        case 'StockReservationFailedEvent':
          result = await rejectOrder(transaction, decoded.event.orderId, decoded.event.unavailableItems, context);
          break;
        case 'StockReleasedEvent':
          // The answer to our own OrderCancelledEvent: the order is CANCELLED already.
          return;
      }
      if (result.outcome === 'ignored') {
        // Deliberate: e.g. stock reserved for an order cancelled meanwhile. The cancel already
        // published OrderCancelledEvent, which makes the inventory release that stock.
        logger.info({ eventType: decoded.type, eventId: decoded.metadata.eventId }, `${decoded.type} ignored: ${result.reason}`);
      } else {
        logger.info({ eventType: decoded.type, orderId: result.order.id }, `order ${result.order.id} is now ${result.order.status}`);
      }
    }),
  );
}
