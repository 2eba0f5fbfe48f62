import { newEventId, type EventMetadata } from '@orderflow/events';
import type { NotificationRepository } from './notification-ports.ts';
import type { Notification, OrderEvent } from './notification.ts';
import { renderNotification } from './render-notification.ts';

/** An order event with the part of its envelope a notification keeps. */
export type NotifiableEvent = OrderEvent & { readonly metadata: Pick<EventMetadata, 'eventId' | 'occurredAt'> };

export type RecordNotificationResult =
  | { readonly outcome: 'recorded'; readonly notification: Notification }
  /** The event has its notification already: a redelivery the inbox did not catch. */
  | { readonly outcome: 'already-recorded' };

/**
 * Renders the customer's message for each order event and stores them all at once (one
 * statement for a whole batch): one notification per event, in the order given.
 */
export async function recordNotifications(
  repository: NotificationRepository,
  sources: readonly NotifiableEvent[],
  now: Date,
): Promise<RecordNotificationResult[]> {
  const notifications = sources.map((source) => notificationFor(source, now));
  const stored = await repository.insertMany(notifications);
  return notifications.map((notification) =>
    stored.has(notification.eventId.toLowerCase())
      ? { outcome: 'recorded', notification }
      : { outcome: 'already-recorded' },
  );
}

function notificationFor(source: NotifiableEvent, now: Date): Notification {
  const { orderId, customerId, email } = source.event;
  return {
    // UUIDv7, like event ids: unique, and sorted by creation time.
    id: newEventId(),
    eventId: source.metadata.eventId,
    eventType: source.type,
    orderId,
    customerId,
    email,
    ...renderNotification(source),
    occurredAt: source.metadata.occurredAt,
    createdAt: now,
  };
}
