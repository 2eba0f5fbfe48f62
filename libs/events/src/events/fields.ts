import { z } from 'zod';

// Building blocks shared by several events. Every event keeps only what its consumers
// need: ids, the customer's email where a notification is sent, and small item lists.

/** Ids are UUIDs (any version; services create them as UUIDv7, which sort by time). */
export const OrderId = z.uuid();
export const CustomerId = z.uuid();
export const Email = z.email().max(254);

/** A stock keeping unit: the product code the warehouse counts. */
export const Sku = z
  .string()
  .min(1)
  .max(64)
  // A code, not text: no spaces, control characters, slashes or quotes to trip up a URL
  // (/inventory/:sku), a log line or a terminal.
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, {
    error: 'expected letters, digits, ".", "_" or "-", starting with a letter or digit',
  });

/** Quantities are whole, positive and small enough to be a typo guard, not a limit. */
export const Quantity = z.int().positive().max(10_000);

export const OrderItem = z.object({ sku: Sku, quantity: Quantity });
export type OrderItem = z.infer<typeof OrderItem>;

/** An order holds at most 100 lines, which keeps every event far below the size limit. */
export const OrderItems = z.array(OrderItem).min(1).max(100);

/**
 * Why one line of an order could not be reserved. One flat shape for both reasons (rather
 * than a union) so every codec, Avro included, can carry it: an unknown sku has 0 available.
 */
export const UnavailableItem = z.object({
  sku: Sku,
  reason: z.enum(['unknown-sku', 'not-enough-stock']),
  requested: Quantity,
  available: z.int().nonnegative(),
});
export type UnavailableItem = z.infer<typeof UnavailableItem>;
