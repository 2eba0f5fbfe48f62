import type { ActionContext, OrderEventType, OrderTransaction, StoredIdempotencyKey, UnitOfWork } from '../domain/order-ports.ts';
import type { Order } from '../domain/order.ts';

export type RecordedEvent = { readonly type: OrderEventType; readonly event: unknown; readonly context: ActionContext };

/**
 * The use cases' ports in memory, for unit tests: a transaction works on copies and only a
 * successful one is kept, like a database commit.
 */
export function inMemoryUnitOfWork() {
  let orders = new Map<string, Order>();
  let keys = new Map<string, StoredIdempotencyKey>();
  let events: RecordedEvent[] = [];

  function begin() {
    const staged = { orders: new Map(orders), keys: new Map(keys), events: [...events] };
    const transaction: OrderTransaction = {
      orders: {
        insert: async (order) => void staged.orders.set(order.id, order),
        findForUpdate: async (id) => staged.orders.get(id),
        update: async (order) => void staged.orders.set(order.id, order),
        findManyForUpdate: async (ids) => new Map(ids.flatMap((id) => { const order = staged.orders.get(id); return order ? [[id, order] as const] : []; })),
        updateMany: async (changed) => changed.forEach((order) => staged.orders.set(order.id, order)),
      },
      idempotencyKeys: {
        async claim(key, requestHash, orderId) {
          const earlier = staged.keys.get(key);
          if (!earlier) staged.keys.set(key, { requestHash, orderId });
          return earlier;
        },
      },
      outbox: {
        append: async (type, event, context) => void staged.events.push({ type, event, context }),
        appendMany: async (entries) => void staged.events.push(...entries),
      },
    };
    const commit = () => {
      ({ orders, keys, events } = staged);
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

  return {
    unitOfWork,
    begin,
    orders: () => [...orders.values()],
    events: () => events,
    save: (order: Order) => void orders.set(order.id, order),
  };
}
