import { z } from 'zod';
import { OrderId, UnavailableItem } from './fields.ts';

/** Some items could not be reserved, so nothing was: each listed item says why. */
export const StockReservationFailedEvent = z.object({
  orderId: OrderId,
  unavailableItems: z.array(UnavailableItem).min(1).max(100),
});
export type StockReservationFailedEvent = z.infer<typeof StockReservationFailedEvent>;
