import type pg from 'pg';
import type { NotificationFilter, NotificationQueries, NotificationRepository } from '../domain/notification-ports.ts';
import { notificationColumns, rowToNotification, type NotificationRow } from './notification-rows.ts';

/** Writes on one client: the inbox transaction of the event being handled. */
export function pgNotificationRepository(client: pg.ClientBase): NotificationRepository {
  return {
    async insert(notification) {
      // ON CONFLICT on event_id: a second notification for one event is impossible even if
      // the inbox were bypassed (e.g. its rows cleaned up), and is no error either.
      const inserted = await client.query(
        `INSERT INTO notifications (id, event_id, event_type, order_id, customer_id, email, kind, subject, body, occurred_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id) DO NOTHING`,
        [
          notification.id,
          notification.eventId,
          notification.eventType,
          notification.orderId,
          notification.customerId,
          notification.email,
          notification.kind,
          notification.subject,
          notification.body,
          notification.occurredAt,
          notification.createdAt,
        ],
      );
      return inserted.rowCount === 1 ? 'inserted' : 'exists';
    },
  };
}

/** Reads outside any transaction, straight from the pool. */
export function pgNotificationQueries(pool: pg.Pool): NotificationQueries {
  return {
    async findById(id) {
      const { rows } = await pool.query<NotificationRow>(`SELECT ${notificationColumns} FROM notifications WHERE id = $1`, [id]);
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
