import type { OrderItem, UnavailableItem } from '@orderflow/events';

/** A product in the warehouse. What can still be sold is `onHand - reserved`. */
export type StockItem = {
  readonly sku: string;
  readonly name: string;
  /** Units in the warehouse, reserved ones included. */
  readonly onHand: number;
  /** Units set aside for orders that have not shipped yet. */
  readonly reserved: number;
  readonly updatedAt: Date;
};

export const availableOf = (item: Pick<StockItem, 'onHand' | 'reserved'>): number => item.onHand - item.reserved;

/**
 * HELD: reserved; FAILED: could not be reserved; RELEASED: back on the shelf after a cancel;
 * SHIPPED: gone for good. CANCELLED: the cancel came before the placement (whose record was
 * dead-lettered, say): nothing was reserved, and this row refuses the placement if it comes later.
 */
export const reservationStatuses = ['HELD', 'FAILED', 'RELEASED', 'SHIPPED', 'CANCELLED'] as const;
export type ReservationStatus = (typeof reservationStatuses)[number];

/** What the inventory did for one order: at most one per order id. */
export type Reservation = {
  readonly orderId: string;
  readonly status: ReservationStatus;
  readonly items: readonly OrderItem[];
  readonly unavailableItems?: readonly UnavailableItem[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
};
