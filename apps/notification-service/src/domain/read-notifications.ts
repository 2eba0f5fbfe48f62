import { NotificationNotFoundError } from './notification-errors.ts';
import type { NotificationFilter, NotificationQueries } from './notification-ports.ts';
import type { Notification } from './notification.ts';

export async function getNotification(queries: NotificationQueries, id: string): Promise<Notification> {
  const notification = await queries.findById(id);
  if (!notification) throw new NotificationNotFoundError(id);
  return notification;
}

/** One page of notifications in event order; `nextOffset` is set when there are more. */
export async function listNotifications(
  queries: NotificationQueries,
  filter: NotificationFilter,
): Promise<{ notifications: Notification[]; nextOffset?: number }> {
  // One more than asked tells whether another page exists, without a COUNT.
  const found = await queries.list({ ...filter, limit: filter.limit + 1 });
  const notifications = found.slice(0, filter.limit);
  return found.length > filter.limit ? { notifications, nextOffset: filter.offset + filter.limit } : { notifications };
}
