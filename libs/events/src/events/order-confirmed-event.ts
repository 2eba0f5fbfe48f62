import { z } from 'zod';
import { CustomerId, Email, OrderId } from './fields.ts';

/** All items of the order were reserved; the order is CONFIRMED and may be shipped. */
export const OrderConfirmedEvent = z.object({
  orderId: OrderId,
  customerId: CustomerId,
  email: Email,
});
export type OrderConfirmedEvent = z.infer<typeof OrderConfirmedEvent>;
