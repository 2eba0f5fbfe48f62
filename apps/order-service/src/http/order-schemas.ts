import { CustomerId, Email, OrderId, ProductShippedEvent, Quantity, Sku, UnavailableItem } from '@orderflow/events';
import { z } from 'zod';
import { orderStatuses } from '../domain/order.ts';

// The API's contract. Field rules come from the event contracts, so whatever the API accepts
// also fits the events it causes. Strict objects: an unknown field is a mistake, not ignored.

const OrderLine = z.strictObject({ sku: Sku, quantity: Quantity });

export const PlaceOrderRequest = z
  .strictObject({
    customerId: CustomerId,
    email: Email,
    items: z
      .array(OrderLine)
      .min(1, { error: 'an order needs at least one item' })
      .max(100)
      .superRefine((items, context) => {
        const seen = new Set<string>();
        items.forEach((item, index) => {
          if (seen.has(item.sku)) {
            context.addIssue({
              code: 'custom',
              path: [index, 'sku'],
              message: `sku "${item.sku}" appears more than once; add up the quantities instead`,
            });
          }
          seen.add(item.sku);
        });
      }),
  })
  .meta({ description: 'A new order: who orders, where to notify them, and what (each sku once).' });

export const ShipOrderRequest = z
  .strictObject({ trackingUrl: ProductShippedEvent.shape.trackingUrl })
  .meta({ description: 'Optional: where the customer can follow the parcel. The body may be left out.' });

export const OrderIdParameters = z.strictObject({ id: OrderId });

export const ListOrdersQuery = z.strictObject({
  status: z.enum(orderStatuses).optional(),
  customerId: CustomerId.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

/** Printable ASCII, as HTTP header values are; long enough for a UUID or a hash. */
export const IdempotencyKey = z
  .string()
  .min(1)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, { error: 'must be 1-255 printable ASCII characters without spaces' });

export const OrderResponse = z.object({
  id: OrderId,
  customerId: CustomerId,
  email: Email,
  status: z.enum(orderStatuses),
  items: z.array(z.object({ sku: Sku, quantity: Quantity })),
  unavailableItems: z.array(UnavailableItem).optional(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OrderResponse = z.infer<typeof OrderResponse>;

export const OrderPageResponse = z.object({
  orders: z.array(OrderResponse),
  limit: z.int(),
  offset: z.int(),
  nextOffset: z.int().optional().meta({ description: 'The offset of the next page; absent on the last page.' }),
});

export const ProblemResponse = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string(),
  errors: z.array(z.object({ path: z.string(), pointer: z.string(), detail: z.string() })).optional(),
});
