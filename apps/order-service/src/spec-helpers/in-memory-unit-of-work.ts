import type {
  ActionContext,
  OrderEventType,
  OrderPlacement,
  OrderQueries,
  OrderTransaction,
  StoredIdempotencyKey,
  UnitOfWork,
} from '../domain/order-ports.ts';
import type { Order } from '../domain/order.ts';

export type RecordedEvent = { readonly type: OrderEventType; readonly event: unknown; readonly context: ActionContext };

/**
 * The use cases' ports in memory, for unit tests: a transaction works on copies and only a
 * successful one is kept, like a database commit.
 */
export function inMemoryUnitOfWork() {
  let orders = new Map<string, Order>();
  const keys = new Map<string, StoredIdempotencyKey>();
  let events: RecordedEvent[] = [];

  function begin() {
    const staged = { orders: new Map(orders), events: [...events] };
    const transaction: OrderTransaction = {
      orders: {
        findForUpdate: async (id) => staged.orders.get(id),
        update: async (order) => void staged.orders.set(order.id, order),
        findManyForUpdate: async (ids) =>
          new Map(
            ids.flatMap((id) => {
              const order = staged.orders.get(id);
              return order ? [[id, order] as const] : [];
            }),
          ),
        updateMany: async (changed) => changed.forEach((order) => staged.orders.set(order.id, order)),
      },
      outbox: {
        append: async (type, event, context) => void staged.events.push({ type, event, context }),
        appendMany: async (entries) => void staged.events.push(...entries),
      },
    };
    const commit = () => {
      ({ orders, events } = staged);
    };
    return { transaction, commit };
  }

  const unitOfWork: UnitOfWork = {
    async run(work) {
      const { transaction, commit } = begin();
      const result = await work(transaction);
      commit();
      return result;
    },
  };

  // One statement in PostgreSQL; here, like it, a claimed key or a new order with its event.
  const placement: OrderPlacement = {
    async place(order, event, context, claim) {
      const earlier = claim && keys.get(claim.key);
      if (earlier) return earlier;
      if (claim) keys.set(claim.key, { requestHash: claim.requestHash, orderId: order.id });
      orders.set(order.id, order);
      events.push({ type: 'OrderPlacedEvent', event, context });
      return undefined;
    },
  };

  const queries: OrderQueries = {
    findById: async (id) => orders.get(id),
    list: async () => [...orders.values()],
  };

  return {
    unitOfWork,
    placement,
    queries,
    begin,
    orders: () => [...orders.values()],
    events: () => events,
    save: (order: Order) => void orders.set(order.id, order),
  };
}
