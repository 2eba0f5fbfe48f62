import { z } from 'zod';
import { CustomerId, Email, OrderId } from './fields.ts';

/**
 * The customer cancelled the order. The inventory releases what it reserved for this
 * order id (it remembers which items), so the event does not repeat them.
 */
export const OrderCancelledEvent = z.object({
  orderId: OrderId,
  customerId: CustomerId,
  email: Email,
});
export type OrderCancelledEvent = z.infer<typeof OrderCancelledEvent>;
