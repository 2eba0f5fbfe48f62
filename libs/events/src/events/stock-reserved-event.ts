import { z } from 'zod';
import { OrderId, OrderItems } from './fields.ts';

/** Every item of the order is set aside in the warehouse (all items or none). */
export const StockReservedEvent = z.object({
  orderId: OrderId,
  items: OrderItems,
});
export type StockReservedEvent = z.infer<typeof StockReservedEvent>;
