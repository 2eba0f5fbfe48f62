import type { Notification } from '../domain/notification.ts';

/** A notification as the API shows it: the stored one, with its dates as ISO 8601 strings. */
export type NotificationResponse = Omit<Notification, 'occurredAt' | 'createdAt'> & {
  readonly occurredAt: string;
  readonly createdAt: string;
};

export function toNotificationResponse(notification: Notification): NotificationResponse {
  return {
    ...notification,
    occurredAt: notification.occurredAt.toISOString(),
    createdAt: notification.createdAt.toISOString(),
  };
}
