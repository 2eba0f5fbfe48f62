import { OrderCancelledEvent } from '../events/order-cancelled-event.ts';
import { OrderConfirmedEvent } from '../events/order-confirmed-event.ts';
import { OrderPlacedEvent } from '../events/order-placed-event.ts';
import { OrderRejectedEvent } from '../events/order-rejected-event.ts';
import { ProductShippedEvent, ProductShippedEventV1 } from '../events/product-shipped-event.ts';
import { StockReleasedEvent } from '../events/stock-released-event.ts';
import { StockReservationFailedEvent } from '../events/stock-reservation-failed-event.ts';
import { StockReservedEvent } from '../events/stock-reserved-event.ts';
import type { EventDefinition } from './event-definition.ts';

/**
 * Every event of the system, by name, with its version. The event's name is its identity
 * (the `event-type` header); the version says which shape of it a record has.
 *
 * How events evolve (the rule every change here must keep):
 * - A new version may only ADD OPTIONAL fields. Then a reader of any version can read a
 *   record of any other: an old reader ignores the fields it does not know, a new reader
 *   finds the new fields missing, which optional allows.
 * - Anything else (remove, rename, retype a field, make one required) is a breaking change
 *   and needs a NEW EVENT NAME, published alongside the old one until no reader needs it.
 * - An unsupported version is one that is not a positive integer, or is below the event's
 *   `minVersion` (raise that to retire old shapes). A version above `version` is supported:
 *   it came from a newer writer and, by the rule, only added what this reader may ignore.
 */
export const eventCatalogue = {
  OrderPlacedEvent: { schema: OrderPlacedEvent, version: 1, minVersion: 1 },
  OrderConfirmedEvent: { schema: OrderConfirmedEvent, version: 1, minVersion: 1 },
  OrderRejectedEvent: { schema: OrderRejectedEvent, version: 1, minVersion: 1 },
  OrderCancelledEvent: { schema: OrderCancelledEvent, version: 1, minVersion: 1 },
  // v2 added the optional `trackingUrl`.
  ProductShippedEvent: {
    schema: ProductShippedEvent,
    version: 2,
    minVersion: 1,
    earlierSchemas: { 1: ProductShippedEventV1 },
  },
  StockReservedEvent: { schema: StockReservedEvent, version: 1, minVersion: 1 },
  StockReservationFailedEvent: { schema: StockReservationFailedEvent, version: 1, minVersion: 1 },
  StockReleasedEvent: { schema: StockReleasedEvent, version: 1, minVersion: 1 },
} as const satisfies Record<string, EventDefinition>;

export type EventName = keyof typeof eventCatalogue;

/** The definitions of the named events, for a topic declaration. */
export function pickEvents<const Names extends EventName>(
  ...names: Names[]
): { readonly [Name in Names]: (typeof eventCatalogue)[Name] } {
  return Object.fromEntries(names.map((name) => [name, eventCatalogue[name]])) as {
    readonly [Name in Names]: (typeof eventCatalogue)[Name];
  };
}
