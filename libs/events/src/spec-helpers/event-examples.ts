// Example events for the specs: for every event one valid example, and broken variants
// with the field path each one breaks. (Used only by *.spec.ts files.)
import type { EventName, eventCatalogue } from '../catalogue/event-catalogue.ts';
import type { EventPayload } from '../catalogue/event-definition.ts';

export const orderId = '0190a6f0-1c2d-7a3b-8c4d-5e6f7a8b9c0d';
export const customerId = '0190a6f0-1c2d-7a3b-9c4d-000000000042';
const email = 'ada@example.com';
const items: { sku: string; quantity: number }[] = [
  { sku: 'SKU-KEYBOARD', quantity: 1 },
  { sku: 'SKU-MOUSE', quantity: 2 },
];
const unavailableItems: {
  sku: string;
  reason: 'unknown-sku' | 'not-enough-stock';
  requested: number;
  available: number;
}[] = [
  { sku: 'SKU-KEYBOARD', reason: 'not-enough-stock', requested: 1, available: 0 },
  { sku: 'SKU-UNICORN', reason: 'unknown-sku', requested: 2, available: 0 },
];

type Examples = { readonly [Name in EventName]: EventPayload<(typeof eventCatalogue)[Name]> };

export const validExamples: Examples = {
  OrderPlacedEvent: { orderId, customerId, email, items },
  OrderConfirmedEvent: { orderId, customerId, email },
  OrderRejectedEvent: { orderId, customerId, email, unavailableItems },
  OrderCancelledEvent: { orderId, customerId, email },
  ProductShippedEvent: { orderId, customerId, email, items, trackingUrl: 'https://track.example.com/parcel/42' },
  StockReservedEvent: { orderId, items },
  StockReservationFailedEvent: { orderId, unavailableItems },
  StockReleasedEvent: { orderId, items },
};

type Breakage = { readonly why: string; readonly change: Record<string, unknown>; readonly path: string };

const notUuid: Breakage = { why: 'order id is not a UUID', change: { orderId: 'order-1' }, path: 'orderId' };
const badEmail: Breakage = { why: 'email is not an email', change: { email: 'ada-at-example' }, path: 'email' };
const noItems: Breakage = { why: 'no items', change: { items: [] }, path: 'items' };
const zeroQuantity: Breakage = {
  why: 'a quantity of 0',
  change: { items: [{ sku: 'SKU-MOUSE', quantity: 0 }] },
  path: 'items[0].quantity',
};
const noSku: Breakage = { why: 'an empty sku', change: { items: [{ sku: '', quantity: 1 }] }, path: 'items[0].sku' };
const controlSku: Breakage = {
  why: 'a sku with a control character',
  change: { items: [{ sku: 'BOOK\u00001', quantity: 1 }] },
  path: 'items[0].sku',
};
const unknownReason: Breakage = {
  why: 'an unknown reason',
  change: { unavailableItems: [{ sku: 'SKU-1', reason: 'sold-out', requested: 1, available: 0 }] },
  path: 'unavailableItems[0].reason',
};
const noReasons: Breakage = { why: 'no unavailable items', change: { unavailableItems: [] }, path: 'unavailableItems' };

export const invalidExamples: Record<EventName, readonly Breakage[]> = {
  OrderPlacedEvent: [notUuid, badEmail, noItems, zeroQuantity, noSku, controlSku],
  OrderConfirmedEvent: [
    notUuid,
    badEmail,
    { why: 'no customer id', change: { customerId: undefined }, path: 'customerId' },
  ],
  OrderRejectedEvent: [notUuid, unknownReason, noReasons],
  OrderCancelledEvent: [notUuid, badEmail],
  ProductShippedEvent: [
    notUuid,
    zeroQuantity,
    { why: 'a tracking url that is not a web link', change: { trackingUrl: 'ftp://x.example/a' }, path: 'trackingUrl' },
  ],
  StockReservedEvent: [notUuid, noItems, zeroQuantity],
  StockReservationFailedEvent: [
    notUuid,
    unknownReason,
    noReasons,
    {
      why: 'a negative available count',
      change: { unavailableItems: [{ sku: 'SKU-1', reason: 'not-enough-stock', requested: 3, available: -1 }] },
      path: 'unavailableItems[0].available',
    },
  ],
  StockReleasedEvent: [notUuid, noItems, noSku],
};
