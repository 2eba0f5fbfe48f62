import { z } from 'zod';
import { CustomerId, Email, OrderId, UnavailableItem } from './fields.ts';

/** The inventory could not reserve the order; the order is REJECTED, with the reasons. */
export const OrderRejectedEvent = z.object({
  orderId: OrderId,
  customerId: CustomerId,
  email: Email,
  unavailableItems: z.array(UnavailableItem).min(1).max(100),
});
export type OrderRejectedEvent = z.infer<typeof OrderRejectedEvent>;
