import { NotFoundError } from '@orderflow/service';

export class NotificationNotFoundError extends NotFoundError {
  constructor(notificationId: string) {
    super(`Notification ${notificationId} does not exist.`, { code: 'NOTIFICATION_NOT_FOUND' });
  }
}
