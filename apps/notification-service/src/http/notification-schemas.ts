import { CustomerId, OrderId } from '@orderflow/events';
import { z } from 'zod';

// The API's input contract. Strict objects: an unknown parameter is a mistake, not ignored.

export const NotificationIdParameters = z.strictObject({ id: z.uuid() });

export const ListNotificationsQuery = z.strictObject({
  orderId: OrderId.optional(),
  customerId: CustomerId.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
