import { z } from 'zod';
import { CustomerId, Email, OrderId, OrderItems } from './fields.ts';

/**
 * Version 1, kept as written when it was published. It is not the current contract: it
 * stays so the tests can play an old reader and an old writer (see event-catalogue.ts).
 */
export const ProductShippedEventV1 = z.object({
  orderId: OrderId,
  customerId: CustomerId,
  email: Email,
  items: OrderItems,
});

/**
 * The order's products left the warehouse (version 2). Version 2 only adds an optional
 * field, built by extending version 1, so it cannot drop or change a field by accident.
 */
export const ProductShippedEvent = ProductShippedEventV1.extend({
  /** Where the customer can follow the parcel: a link, never the carrier's documents. */
  trackingUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .optional(),
});
export type ProductShippedEvent = z.infer<typeof ProductShippedEvent>;
