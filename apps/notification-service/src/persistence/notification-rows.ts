import type { Notification, NotificationKind, OrderEventType } from '../domain/notification.ts';

/** A row of `notifications` as pg returns it (timestamptz as Date). */
export type NotificationRow = {
  id: string;
  event_id: string;
  event_type: OrderEventType;
  order_id: string;
  customer_id: string;
  email: string;
  kind: NotificationKind;
  subject: string;
  body: string;
  occurred_at: Date;
  created_at: Date;
};

export const notificationColumns =
  'id, event_id, event_type, order_id, customer_id, email, kind, subject, body, occurred_at, created_at';

export function rowToNotification(row: NotificationRow): Notification {
  return {
    id: row.id,
    eventId: row.event_id,
    eventType: row.event_type,
    orderId: row.order_id,
    customerId: row.customer_id,
    email: row.email,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
  };
}
