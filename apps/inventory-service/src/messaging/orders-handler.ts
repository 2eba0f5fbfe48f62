import { causedBy, type ordersTopic } from '@orderflow/events';
import { withBatchInbox, type BatchHandler, type ServiceLogger } from '@orderflow/kafka';
import { withCorrelationId } from '@orderflow/service';
import type pg from 'pg';
import type { InventoryTransaction } from '../domain/inventory-ports.ts';
import { reserveStock, type StockOutcome } from '../domain/reserve-stock.ts';
import { releaseStock, shipReservedStock } from '../domain/settle-reservation.ts';

export type OrdersTopic = typeof ordersTopic;

export type OrdersHandlerOptions = {
  readonly pool: pg.Pool;
  /** The use cases' ports on the inbox transaction's client. */
  readonly transactionOn: (client: pg.PoolClient) => InventoryTransaction;
  readonly logger: ServiceLogger;
};

/**
 * Turns order events into stock changes, through the inbox: the stock changes of a batch of
 * events, their events in the outbox and their inbox rows commit together, in offset order,
 * so a redelivered event does nothing.
 * Events of one order share a key, hence a partition, hence arrive in the order they happened:
 * a cancel is never seen before the placement it cancels.
 */
export function ordersHandler({ pool, transactionOn, logger }: OrdersHandlerOptions): BatchHandler<OrdersTopic> {
  return withBatchInbox<OrdersTopic>(pool, (decoded, _context, client) =>
    withCorrelationId(decoded.metadata.correlationId, async () => {
      const transaction = transactionOn(client);
      const context = { ...causedBy(decoded.metadata), now: new Date() };
      let result: StockOutcome;
      switch (decoded.type) {
        case 'OrderPlacedEvent':
          result = await reserveStock(transaction, decoded.event, context);
          break;
        case 'OrderCancelledEvent':
          result = await releaseStock(transaction, decoded.event.orderId, context);
          break;
        case 'ProductShippedEvent':
          result = await shipReservedStock(transaction, decoded.event.orderId, context);
          break;
        case 'OrderConfirmedEvent':
        case 'OrderRejectedEvent':
          // order-service's answers to our own results: nothing left to do here.
          return;
      }
      if (result.outcome === 'ignored') {
        logger.info({ eventType: decoded.type, eventId: decoded.metadata.eventId }, `${decoded.type} ignored: ${result.reason}`);
      } else {
        const { orderId, status } = result.reservation;
        logger.info({ eventType: decoded.type, orderId, status }, `stock for order ${orderId} is now ${status}`);
      }
    }),
  );
}
