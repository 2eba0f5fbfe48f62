import type { ordersTopic } from '@orderflow/events';
import { withInbox, type EventHandler, type ServiceLogger } from '@orderflow/kafka';
import { withCorrelationId } from '@orderflow/service';
import type pg from 'pg';
import type { NotificationRepository } from '../domain/notification-ports.ts';
import { recordNotification, type RecordNotificationResult } from '../domain/record-notification.ts';

/** The orders topic, or a test's copy of it under another name. */
export type OrdersTopic = typeof ordersTopic;

export type OrderEventsHandlerOptions = {
  readonly pool: pg.Pool;
  /** The notification store on the inbox transaction's client. */
  readonly repositoryOn: (client: pg.PoolClient) => NotificationRepository;
  readonly logger: ServiceLogger;
};

/**
 * Turns each order event into one customer notification, through the inbox: the
 * notification and the inbox row commit together, so a redelivered event adds nothing.
 */
export function orderEventsHandler({ pool, repositoryOn, logger }: OrderEventsHandlerOptions): EventHandler<OrdersTopic> {
  return (decoded, context) =>
    withCorrelationId(decoded.metadata.correlationId, async () => {
      const results: RecordNotificationResult[] = [];
      const outcome = await withInbox<OrdersTopic>(pool, async (event, _context, client) => {
        results.push(await recordNotification(repositoryOn(client), event, new Date()));
      })(decoded, context);
      // Logged only now, after the commit: a rolled-back attempt must not look "sent".
      // (A real mail would be sent here too, or better from an outbox of its own.)
      const [result] = results;
      if (result?.outcome === 'recorded') {
        const { id, kind, orderId, email, subject, body } = result.notification;
        logger.info({ notificationId: id, kind, orderId, to: email, subject, body }, `notification ${kind} to ${email}: ${subject}`);
      } else if (result?.outcome === 'already-recorded') {
        logger.info({ eventId: decoded.metadata.eventId }, `${decoded.type} ${decoded.metadata.eventId} has its notification already`);
      }
      return outcome;
    });
}
