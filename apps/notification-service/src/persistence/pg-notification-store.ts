import type pg from 'pg';
import type { NotificationFilter, NotificationQueries, NotificationRepository } from '../domain/notification-ports.ts';
import { notificationColumns, rowToNotification, type NotificationRow } from './notification-rows.ts';

/** Writes on one client: the inbox transaction of the event being handled. */
export function pgNotificationRepository(client: pg.ClientBase): NotificationRepository {
  return {
    async insertMany(notifications) {
      if (notifications.length === 0) return new Set();
      // In the given order (seq follows it), whatever the batch's size: one statement.
      // ON CONFLICT on event_id: a second notification for one event is impossible even if
      // the inbox were bypassed (e.g. its rows cleaned up), and is no error either.
      const { rows } = await client.query<{ event_id: string }>(
        `INSERT INTO notifications (id, event_id, event_type, order_id, customer_id, email, kind, subject, body, occurred_at, created_at)
         SELECT id, event_id, event_type, order_id, customer_id, email, kind, subject, body, occurred_at, created_at
           FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::timestamptz[], $11::timestamptz[])
             WITH ORDINALITY AS batch (id, event_id, event_type, order_id, customer_id, email, kind, subject, body, occurred_at, created_at, position)
          ORDER BY position
         ON CONFLICT (event_id) DO NOTHING
         RETURNING event_id`,
        [
          notifications.map((notification) => notification.id),
          notifications.map((notification) => notification.eventId),
          notifications.map((notification) => notification.eventType),
          notifications.map((notification) => notification.orderId),
          notifications.map((notification) => notification.customerId),
          notifications.map((notification) => notification.email),
          notifications.map((notification) => notification.kind),
          notifications.map((notification) => notification.subject),
          notifications.map((notification) => notification.body),
          notifications.map((notification) => notification.occurredAt),
          notifications.map((notification) => notification.createdAt),
        ],
      );
      return new Set(rows.map((row) => row.event_id));
    },
  };
}

/** Reads outside any transaction, straight from the pool. */
export function pgNotificationQueries(pool: pg.Pool): NotificationQueries {
  return {
    async findById(id) {
      const { rows } = await pool.query<NotificationRow>(
        `SELECT ${notificationColumns} FROM notifications WHERE id = $1`,
        [id],
      );
      return rows[0] && rowToNotification(rows[0]);
    },
    async list({ orderId, customerId, limit, offset }: NotificationFilter) {
      const { rows } = await pool.query<NotificationRow>(
        `SELECT ${notificationColumns} FROM notifications
          WHERE ($1::uuid IS NULL OR order_id = $1) AND ($2::uuid IS NULL OR customer_id = $2)
          ORDER BY occurred_at, seq LIMIT $3 OFFSET $4`,
        [orderId ?? null, customerId ?? null, limit, offset],
      );
      return rows.map(rowToNotification);
    },
  };
}
