import type { UnavailableItem } from '@orderflow/events';
import { inMemoryUnitOfWork } from '../spec-helpers/in-memory-unit-of-work.ts';
import { confirmOrder, rejectOrder } from './apply-stock-result.ts';
import type { OrderStatus } from './order.ts';

const context = { correlationId: 'flow-1', causationId: 'stock-event-1', now: new Date('2026-01-02T00:00:00Z') };
const orderId = '0195f0a0-0000-7000-8000-000000000001';
const unavailable: UnavailableItem[] = [{ sku: 'BOOK-1', reason: 'not-enough-stock', requested: 2, available: 1 }];

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
    const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction, orderId, context));

    expect(result).toMatchObject({ outcome: 'applied', order: { status: 'CONFIRMED' } });
    expect(store.events()).toEqual([{ type: 'OrderConfirmedEvent', event: { orderId, customerId: '0195f0a0-0000-7000-8000-000000000002', email: 'ada@example.com' }, context }]);
  });

  it('rejects a PENDING order when the reservation failed, keeping and publishing the reasons', async () => {
    const store = storeWith('PENDING');
    const result = await store.unitOfWork.run((transaction) => rejectOrder(transaction, orderId, unavailable, context));

    expect(result).toMatchObject({ outcome: 'applied', order: { status: 'REJECTED', unavailableItems: unavailable } });
    expect(store.events()).toEqual([
      { type: 'OrderRejectedEvent', event: expect.objectContaining({ orderId, unavailableItems: unavailable }), context },
    ]);
  });

  it.each(['CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const)('ignores stock reserved for a %s order: no change, no event', async (status) => {
    const store = storeWith(status);
    const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction, orderId, context));

    expect(result).toEqual({ outcome: 'ignored', reason: `order ${orderId} is already ${status}` });
    expect(store.orders()[0]?.status).toBe(status);
    expect(store.events()).toEqual([]);
  });

  it.each(['CONFIRMED', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const)('ignores a failed reservation for a %s order', async (status) => {
    const store = storeWith(status);
    const result = await store.unitOfWork.run((transaction) => rejectOrder(transaction, orderId, unavailable, context));

    expect(result.outcome).toBe('ignored');
    expect(store.events()).toEqual([]);
  });

  it('ignores results for orders it does not know', async () => {
    const store = inMemoryUnitOfWork();
    const result = await store.unitOfWork.run((transaction) => confirmOrder(transaction, orderId, context));
    expect(result).toEqual({ outcome: 'ignored', reason: `order ${orderId} does not exist` });
  });
});
