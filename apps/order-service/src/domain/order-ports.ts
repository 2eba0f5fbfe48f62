import type { ActionContext, EventPayload, ordersTopic } from '@orderflow/events';
import type { Order, OrderStatus } from './order.ts';

// The ports the use cases need. persistence/ implements them on PostgreSQL; a use case never
// sees a connection, only one transaction's view of the store and the outbox.

export type OrderFilter = {
  readonly status?: OrderStatus | undefined;
  readonly customerId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
};

export interface OrderRepository {
  /** Reads and locks the order for the rest of the transaction (serialises its changes and events). */
  findForUpdate(id: string): Promise<Order | undefined>;
  update(order: Order): Promise<void>;
  /** findForUpdate for many orders in one statement (locked in id order, so two batches never deadlock). */
  findManyForUpdate(ids: readonly string[]): Promise<Map<string, Order>>;
  /** update for many orders in one statement. */
  updateMany(orders: readonly Order[]): Promise<void>;
}

export interface OrderQueries {
  findById(id: string): Promise<Order | undefined>;
  list(filter: OrderFilter): Promise<Order[]>;
}

export type StoredIdempotencyKey = { readonly requestHash: string; readonly orderId: string };

/** A request's Idempotency-Key and the fingerprint of its body. */
export type KeyClaim = { readonly key: string; readonly requestHash: string };

export interface OrderPlacement {
  /**
   * Stores a new order and its OrderPlacedEvent, all or nothing. With a key claim, the key is
   * claimed first; if it was claimed before (a retry), nothing is written and the earlier
   * claim is returned. A concurrent claim of the same key waits for the first to finish.
   */
  place(
    order: Order,
    event: OrderEvent<'OrderPlacedEvent'>,
    context: ActionContext,
    claim?: KeyClaim,
  ): Promise<StoredIdempotencyKey | undefined>;
}

/** Every event order-service writes, by name: the events of the orders topic. */
type OrderTopicEvents = (typeof ordersTopic)['events'];
export type OrderEventType = keyof OrderTopicEvents & string;
export type OrderEvent<Type extends OrderEventType> = EventPayload<OrderTopicEvents[Type]>;

/** The flow an action belongs to (shared by every service): carried into the event headers. */
export type { ActionContext };

/** One event for the outbox, of any of the orders topic's types. */
export type OrderOutboxEntry = {
  [Type in OrderEventType]: { readonly type: Type; readonly event: OrderEvent<Type>; readonly context: ActionContext };
}[OrderEventType];

export interface OrderOutbox {
  /** Adds the event to the transaction's outbox: published after (and only if) it commits. */
  append<Type extends OrderEventType>(type: Type, event: OrderEvent<Type>, context: ActionContext): Promise<void>;
  /** append for many events in one statement, published in the order given. */
  appendMany(entries: readonly OrderOutboxEntry[]): Promise<void>;
}

/** One transaction's view: what it writes commits together, or not at all. */
export type OrderTransaction = {
  readonly orders: OrderRepository;
  readonly outbox: OrderOutbox;
};

export interface UnitOfWork {
  run<T>(work: (transaction: OrderTransaction) => Promise<T>): Promise<T>;
}
