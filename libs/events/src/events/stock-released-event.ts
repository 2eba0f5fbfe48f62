import { z } from 'zod';
import { OrderId, OrderItems } from './fields.ts';

/** The stock reserved for a cancelled order is back on the shelf. */
export const StockReleasedEvent = z.object({
  orderId: OrderId,
  items: OrderItems,
});
export type StockReleasedEvent = z.infer<typeof StockReleasedEvent>;
