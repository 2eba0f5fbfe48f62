import type { Notification, NotificationKind, OrderEventType } from '../domain/notification.ts';

/** A notification as the API shows it: dates as ISO 8601 strings. */
export type NotificationResponse = {
  readonly id: string;
  readonly eventId: string;
  readonly eventType: OrderEventType;
  readonly orderId: string;
  readonly customerId: string;
  readonly email: string;
  readonly kind: NotificationKind;
  readonly subject: string;
  readonly body: string;
  readonly occurredAt: string;
  readonly createdAt: string;
};

export function toNotificationResponse(notification: Notification): NotificationResponse {
  return {
    id: notification.id,
    eventId: notification.eventId,
    eventType: notification.eventType,
    orderId: notification.orderId,
    customerId: notification.customerId,
    email: notification.email,
    kind: notification.kind,
    subject: notification.subject,
    body: notification.body,
    occurredAt: notification.occurredAt.toISOString(),
    createdAt: notification.createdAt.toISOString(),
  };
}
