import { parseQuery } from '@orderflow/service';
import { Router } from 'express';
import type { NotificationQueries } from '../domain/notification-ports.ts';
import { getNotification, listNotifications } from '../domain/read-notifications.ts';
import { toNotificationResponse } from './notification-response.ts';
import { ListNotificationsQuery, NotificationIdParameters } from './notification-schemas.ts';

/** The REST API of notifications (read only: they come from events): parse, query, map. */
export function notificationRoutes({ queries }: { queries: NotificationQueries }): Router {
  const router = Router();

  router.get('/notifications', async (request, response) => {
    const query = parseQuery(ListNotificationsQuery, request.query);
    const page = await listNotifications(queries, query);
    response.json({
      notifications: page.notifications.map(toNotificationResponse),
      limit: query.limit,
      offset: query.offset,
      nextOffset: page.nextOffset,
    });
  });

  router.get('/notifications/:id', async (request, response) => {
    const { id } = parseQuery(NotificationIdParameters, request.params);
    response.json(toNotificationResponse(await getNotification(queries, id)));
  });

  return router;
}
