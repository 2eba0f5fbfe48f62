import type { UnavailableItem } from '@orderflow/events';
import { inMemoryUnitOfWork } from '../spec-helpers/in-memory-unit-of-work.ts';
import { applyStockResults, type StockResult } from './apply-stock-result.ts';
import type { OrderTransaction } from './order-ports.ts';
import type { OrderStatus } from './order.ts';

const context = { correlationId: 'flow-1', causationId: 'stock-event-1', now: new Date('2026-01-02T00:00:00Z') };
const orderId = '0195f0a0-0000-7000-8000-000000000001';
const unavailable: UnavailableItem[] = [{ sku: 'BOOK-1', reason: 'not-enough-stock', requested: 2, available: 1 }];

const reserved: StockResult = { type: 'StockReservedEvent', orderId };
const failed: StockResult = { type: 'StockReservationFailedEvent', orderId, unavailableItems: unavailable };
const confirmOrder = async (transaction: OrderTransaction) =>
  (await applyStockResults(transaction, [{ result: reserved, context }]))[0];
const rejectOrder = async (transaction: OrderTransaction) =>
  (await applyStockResults(transaction, [{ result: failed, context }]))[0];

function storeWith(status: OrderStatus) {
  const store = inMemoryUnitOfWork();
  store.save({
    id: orderId,
    customerId: '0195f0a0-0000-7000-8000-000000000002',
    email: 'ada@example.com',
    items: [{ sku: 'BOOK-1', quantity: 2 }],
    status,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  });
  return store;
}

describe('inventory results', () => {
  it('confirms a PENDING order when its stock is reserved, publishing OrderConfirmedEvent caused by the stock event', async () => {
    const store = storeWith('PENDING');
    const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction));

    expect(result).toMatchObject({ outcome: 'applied', order: { status: 'CONFIRMED' } });
    expect(store.events()).toEqual([
      {
        type: 'OrderConfirmedEvent',
        event: { orderId, customerId: '0195f0a0-0000-7000-8000-000000000002', email: 'ada@example.com' },
        context,
      },
    ]);
  });

  it('rejects a PENDING order when the reservation failed, keeping and publishing the reasons', async () => {
    const store = storeWith('PENDING');
    const result = await store.unitOfWork.run((transaction) => rejectOrder(transaction));

    expect(result).toMatchObject({ outcome: 'applied', order: { status: 'REJECTED', unavailableItems: unavailable } });
    expect(store.events()).toEqual([
      {
        type: 'OrderRejectedEvent',
        event: expect.objectContaining({ orderId, unavailableItems: unavailable }),
        context,
      },
    ]);
  });

  it.each(['CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const)(
    'ignores stock reserved for a %s order: no change, no event',
    async (status) => {
      const store = storeWith(status);
      const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction));

      expect(result).toEqual({ outcome: 'ignored', reason: `order ${orderId} is already ${status}` });
      expect(store.orders()[0]?.status).toBe(status);
      expect(store.events()).toEqual([]);
    },
  );

  it.each(['CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const)(
    'ignores a failed reservation for a %s order',
    async (status) => {
      const store = storeWith(status);
      const result = await store.unitOfWork.run((transaction) => rejectOrder(transaction));

      expect(result?.outcome).toBe('ignored');
      expect(store.events()).toEqual([]);
    },
  );

  it('ignores results for orders it does not know', async () => {
    const store = inMemoryUnitOfWork();
    const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction));
    expect(result).toEqual({ outcome: 'ignored', reason: `order ${orderId} does not exist` });
  });

  it('applies a batch in its order: a second result for one order sees the first, and events keep that order', async () => {
    const store = storeWith('PENDING');
    const later = { ...context, causationId: 'stock-event-2' };
    const outcomes = await store.unitOfWork.run((transaction) =>
      applyStockResults(transaction, [
        { result: reserved, context },
        { result: failed, context: later },
      ]),
    );

    expect(outcomes.map((outcome) => outcome.outcome)).toEqual(['applied', 'ignored']);
    expect(outcomes[1]).toEqual({ outcome: 'ignored', reason: `order ${orderId} is already CONFIRMED` });
    expect(store.orders()[0]?.status).toBe('CONFIRMED');
    expect(store.events().map((event) => event.type)).toEqual(['OrderConfirmedEvent']);
  });
});
