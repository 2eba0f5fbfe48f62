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

/** Renders the customer's message for an order event and stores it: one per event. */
export async function recordNotification(
  repository: NotificationRepository,
  source: NotifiableEvent,
  now: Date,
): Promise<RecordNotificationResult> {
  const { orderId, customerId, email } = source.event;
  const notification: Notification = {
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
  const stored = await repository.insert(notification);
  return stored === 'inserted' ? { outcome: 'recorded', notification } : { outcome: 'already-recorded' };
}
