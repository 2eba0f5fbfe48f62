import { inMemoryUnitOfWork } from '../spec-helpers/in-memory-unit-of-work.ts';
import { IdempotencyKeyReusedError } from './order-errors.ts';
import { hashRequest, placeOrder } from './place-order.ts';

const input = {
  customerId: '0195f0a0-0000-7000-8000-000000000002',
  email: 'ada@example.com',
  items: [{ sku: 'BOOK-1', quantity: 2 }],
};
const context = { correlationId: 'request-1', now: new Date('2026-01-01T00:00:00Z') };

describe('placeOrder', () => {
  it('stores a PENDING order and puts one OrderPlacedEvent with the correlation id into the outbox', async () => {
    const store = inMemoryUnitOfWork();
    const { order, replayed } = await placeOrder(store, input, context);

    expect(replayed).toBe(false);
    expect(order).toMatchObject({ ...input, status: 'PENDING', createdAt: context.now });
    expect(store.orders()).toEqual([order]);
    expect(store.events()).toEqual([{ type: 'OrderPlacedEvent', event: { orderId: order.id, ...input }, context }]);
  });

  it('when an order is placed twice with one Idempotency-Key and one body, one order and one event exist', async () => {
    const store = inMemoryUnitOfWork();
    const first = await placeOrder(store, input, context, 'key-1');
    const second = await placeOrder(store, { ...input, items: [{ quantity: 2, sku: 'BOOK-1' }] }, context, 'key-1');

    expect(second).toEqual({ order: first.order, replayed: true });
    expect(store.orders()).toHaveLength(1);
    expect(store.events()).toHaveLength(1);
  });

  it('refuses an Idempotency-Key reused with another body, writing nothing', async () => {
    const store = inMemoryUnitOfWork();
    await placeOrder(store, input, context, 'key-1');

    await expect(placeOrder(store, { ...input, email: 'bob@example.com' }, context, 'key-1')).rejects.toThrow(
      IdempotencyKeyReusedError,
    );
    expect(store.orders()).toHaveLength(1);
    expect(store.events()).toHaveLength(1);
  });

  it('fingerprints a request by its content only', () => {
    expect(hashRequest(input)).toBe(hashRequest({ ...input, items: [{ quantity: 2, sku: 'BOOK-1' }] }));
    expect(hashRequest(input)).not.toBe(hashRequest({ ...input, items: [{ sku: 'BOOK-1', quantity: 3 }] }));
  });
});
