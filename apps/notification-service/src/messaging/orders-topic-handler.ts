import type { OrdersTopic } from '@orderflow/events';
import { withSetBasedInbox, type BatchHandler, type EventOf } from '@orderflow/kafka';
import { withCorrelationId, type ServiceLogger } from '@orderflow/service';
import type pg from 'pg';
import type { NotificationRepository } from '../domain/notification-ports.ts';
import { recordNotifications, type RecordNotificationResult } from '../domain/record-notification.ts';

export type OrdersTopicHandlerOptions = {
  readonly pool: pg.Pool;
  /** The notification store on the inbox transaction's client. */
  readonly storeOn: (client: pg.PoolClient) => NotificationRepository;
  readonly logger: ServiceLogger;
};

/**
 * Turns each order event into one customer notification, through the inbox: a batch's
 * notifications and inbox rows commit together, so a redelivered event adds nothing. Set-based:
 * one insert for all of a batch's notifications.
 */
export function ordersTopicHandler({ pool, storeOn, logger }: OrdersTopicHandlerOptions): BatchHandler<OrdersTopic> {
  return async (items) => {
    let results: { readonly decoded: EventOf<OrdersTopic>; readonly result: RecordNotificationResult }[] = [];
    const outcomes = await withSetBasedInbox<OrdersTopic>(pool, async (newEvents, client) => {
      const decoded = newEvents.map((item) => item.event);
      const recorded = await recordNotifications(storeOn(client), decoded, new Date());
      results = decoded.flatMap((event, index) =>
        recorded[index] ? [{ decoded: event, result: recorded[index] }] : [],
      );
    })(items);
    // Logged only now, after the commit: a rolled-back attempt must not look "sent".
    // (A real mail would be sent here too, or better from an outbox of its own.)
    for (const { decoded, result } of results) {
      withCorrelationId(decoded.metadata.correlationId, () => {
        if (result.outcome === 'recorded') {
          const { id, kind, orderId, email, subject, body } = result.notification;
          logger.info(
            { notificationId: id, kind, orderId, to: email, subject, body },
            `notification ${kind} to ${email}: ${subject}`,
          );
        } else {
          logger.info(
            { eventId: decoded.metadata.eventId },
            `${decoded.type} ${decoded.metadata.eventId} has its notification already`,
          );
        }
      });
    }
    return outcomes;
  };
}
