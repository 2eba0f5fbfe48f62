import type { ActionContext, EventPayload, inventoryTopic, OrderItem, UnavailableItem } from '@orderflow/events';
import type { Reservation, ReservationStatus, StockItem } from './stock-item.ts';

// The ports the use cases need. persistence/ implements them on PostgreSQL; a use case never
// sees a connection, only one transaction's view of the stock, the reservations and the outbox.

export interface StockRepository {
  /** Reads and locks these skus' rows for the rest of the transaction; unknown skus are missing. */
  lockForUpdate(skus: readonly string[]): Promise<Map<string, StockItem>>;
  /** Adds `delta` to the reserved units (negative releases them). */
  changeReserved(sku: string, delta: number): Promise<void>;
  /** Shipped units leave the warehouse: fewer on hand, fewer reserved. */
  removeShipped(sku: string, quantity: number): Promise<void>;
}

export interface ReservationRepository {
  /** Reads and locks the order's reservation (serialises everything done for one order). */
  findForUpdate(orderId: string): Promise<Reservation | undefined>;
  insert(reservation: Reservation): Promise<void>;
  updateStatus(orderId: string, status: ReservationStatus, now: Date): Promise<void>;
}

/** Every event inventory-service writes, by name: the events of the inventory topic. */
type InventoryTopicEvents = (typeof inventoryTopic)['events'];
export type InventoryEventType = keyof InventoryTopicEvents & string;
export type InventoryEvent<Type extends InventoryEventType> = EventPayload<InventoryTopicEvents[Type]>;

/** The flow an action belongs to (shared by every service): carried into the event headers. */
export type { ActionContext };

export interface InventoryOutbox {
  /** Adds the event to the transaction's outbox: published after (and only if) it commits. */
  append<Type extends InventoryEventType>(
    type: Type,
    event: InventoryEvent<Type>,
    context: ActionContext,
  ): Promise<void>;
}

/** One transaction's view: what it writes commits together, or not at all. */
export type InventoryTransaction = {
  readonly stock: StockRepository;
  readonly reservations: ReservationRepository;
  readonly outbox: InventoryOutbox;
};

/** What a batch of events will touch: read and locked up front, in one statement per table. */
export type BatchScope = { readonly orderIds: readonly string[]; readonly skus: readonly string[] };

/** One transaction for a batch of events: the use cases' ports, and flush() to write what they changed. */
export type InventoryBatch = { readonly transaction: InventoryTransaction; flush(): Promise<void> };

export interface StockQueries {
  list(): Promise<StockItem[]>;
  find(sku: string): Promise<StockItem | undefined>;
  findReservation(orderId: string): Promise<Reservation | undefined>;
  /** Sets what can be sold to `available` (on hand = reserved + available); adds an unknown sku. */
  setAvailable(sku: string, available: number, name: string | undefined): Promise<StockItem>;
}

export type { OrderItem, UnavailableItem };
