import { z } from 'zod';
import { CustomerId, Email, OrderId, OrderItems } from './fields.ts';

/** A customer placed an order; it waits (PENDING) for the inventory to reserve its items. */
export const OrderPlacedEvent = z.object({
  orderId: OrderId,
  customerId: CustomerId,
  email: Email,
  items: OrderItems,
});
export type OrderPlacedEvent = z.infer<typeof OrderPlacedEvent>;
