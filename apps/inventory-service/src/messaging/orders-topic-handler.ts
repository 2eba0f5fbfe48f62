import { causedBy, type OrdersTopic } from '@orderflow/events';
import { withSetBasedInbox, type BatchHandler, type EventOf } from '@orderflow/kafka';
import { withCorrelationId, type ServiceLogger, type ServiceMetrics } from '@orderflow/service';
import type pg from 'pg';
import type { BatchScope, InventoryBatch, InventoryTransaction } from '../domain/inventory-ports.ts';
import { reserveStock, type StockOutcome } from '../domain/reserve-stock.ts';
import { releaseStock, shipReservedStock } from '../domain/settle-reservation.ts';

export type OrdersTopicHandlerOptions = {
  readonly pool: pg.Pool;
  /** The use cases' ports for a batch of events, on the inbox transaction's client. */
  readonly storeOn: (client: pg.PoolClient, scope: BatchScope) => Promise<InventoryBatch>;
  readonly logger: ServiceLogger;
  /** Where refused stale events are counted (`orderflow_events_stale_total`). */
  readonly metrics: Pick<ServiceMetrics, 'eventsStale'>;
};

/**
 * Turns order events into stock changes, through the inbox: the stock changes of a batch of
 * events, their events in the outbox and their inbox rows commit together, in offset order,
 * so a redelivered event does nothing.
 * Events of one order share a key, hence a partition, hence arrive in the order they happened:
 * a cancel is never seen before the placement it cancels.
 *
 * Set-based: the batch's rows are read and locked in two statements and written in a few more
 * (persistence/pg-batch-transaction.ts); the use cases in between run one event at a time, in
 * memory, exactly as they would in a transaction of their own.
 */
export function ordersTopicHandler({
  pool,
  storeOn,
  logger,
  metrics,
}: OrdersTopicHandlerOptions): BatchHandler<OrdersTopic> {
  return async (items) => {
    // Counted once the batch has committed: a rolled-back attempt is tried again and counts then.
    const stale: EventOf<OrdersTopic>[] = [];
    const outcomes = await withSetBasedInbox<OrdersTopic>(pool, async (newEvents, client) => {
      stale.length = 0;
      const batch = await storeOn(client, scopeOf(newEvents.map((item) => item.event)));
      for (const { event: decoded } of newEvents) {
        const outcome = await withCorrelationId(decoded.metadata.correlationId, () =>
          handleOne(batch.transaction, decoded, logger),
        );
        if (outcome === 'stale') stale.push(decoded);
      }
      await batch.flush();
    })(items);
    const topic = items[0]?.context.topic ?? '';
    for (const decoded of stale) metrics.eventsStale.inc({ topic, event_type: decoded.type });
    return outcomes;
  };
}

async function handleOne(
  transaction: InventoryTransaction,
  decoded: EventOf<OrdersTopic>,
  logger: ServiceLogger,
): Promise<StockOutcome['outcome'] | undefined> {
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
      return undefined;
  }
  if (result.outcome === 'stale') {
    // Acknowledged (its inbox row commits) but refused: a warning, since an old event was
    // replayed or overtaken, and counted, so an operator sees a replay that did nothing.
    logger.warn(
      { eventType: decoded.type, eventId: decoded.metadata.eventId, orderId: decoded.event.orderId },
      `${decoded.type} refused as stale: ${result.reason}`,
    );
  } else if (result.outcome === 'ignored') {
    logger.info(
      { eventType: decoded.type, eventId: decoded.metadata.eventId },
      `${decoded.type} ignored: ${result.reason}`,
    );
  } else {
    const { orderId, status } = result.reservation;
    logger.info({ eventType: decoded.type, orderId, status }, `stock for order ${orderId} is now ${status}`);
  }
  return result.outcome;
}

/** The orders the events name and the skus placements ask for (a cancel's skus are its reservation's). */
function scopeOf(events: readonly EventOf<OrdersTopic>[]): BatchScope {
  const orderIds = new Set<string>();
  const skus = new Set<string>();
  for (const decoded of events) {
    orderIds.add(decoded.event.orderId);
    if (decoded.type === 'OrderPlacedEvent') for (const item of decoded.event.items) skus.add(item.sku);
  }
  return { orderIds: [...orderIds], skus: [...skus] };
}
