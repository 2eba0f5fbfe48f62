import type { OrderItem, UnavailableItem } from '@orderflow/events';

export const orderStatuses = ['PENDING', 'CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** An order as the service keeps it. Plain data: the state machine decides what may change. */
export type Order = {
  readonly id: string;
  readonly customerId: string;
  readonly email: string;
  readonly items: readonly OrderItem[];
  readonly status: OrderStatus;
  /** Why the inventory refused it; only on REJECTED orders. */
  readonly unavailableItems?: readonly UnavailableItem[];
  readonly createdAt: Date;
  readonly updatedAt: Date;
};
