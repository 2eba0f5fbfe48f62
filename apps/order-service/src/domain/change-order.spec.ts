import { inMemoryUnitOfWork } from '../spec-helpers/in-memory-unit-of-work.ts';
import { cancelOrder, shipOrder } from './change-order.ts';
import { OrderNotFoundError, OrderStatusConflictError } from './order-errors.ts';
import type { Order, OrderStatus } from './order.ts';

const context = { correlationId: 'request-2', now: new Date('2026-01-02T00:00:00Z') };
const orderId = '0195f0a0-0000-7000-8000-000000000001';

function storeWith(status: OrderStatus) {
  const store = inMemoryUnitOfWork();
  const order: Order = {
    id: orderId,
    customerId: '0195f0a0-0000-7000-8000-000000000002',
    email: 'ada@example.com',
    items: [{ sku: 'BOOK-1', quantity: 1 }],
    status,
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
  };
  store.save(order);
  return store;
}

describe('shipOrder', () => {
  it('ships a CONFIRMED order and publishes ProductShippedEvent with its items and tracking link', async () => {
    const store = storeWith('CONFIRMED');
    const shipped = await shipOrder(store.unitOfWork, orderId, { trackingUrl: 'https://track.example/1' }, context);

    expect(shipped.status).toBe('SHIPPED');
    expect(store.events()).toEqual([
      {
        type: 'ProductShippedEvent',
        event: {
          orderId,
          customerId: shipped.customerId,
          email: shipped.email,
          items: [{ sku: 'BOOK-1', quantity: 1 }],
          trackingUrl: 'https://track.example/1',
        },
        context,
      },
    ]);
  });

  it.each(['PENDING', 'REJECTED', 'SHIPPED', 'CANCELLED'] as const)(
    'refuses to ship a %s order and publishes nothing',
    async (status) => {
      const store = storeWith(status);
      await expect(shipOrder(store.unitOfWork, orderId, {}, context)).rejects.toThrow(OrderStatusConflictError);
      expect(store.orders()[0]?.status).toBe(status);
      expect(store.events()).toEqual([]);
    },
  );

  it('answers an unknown order with OrderNotFoundError', async () => {
    await expect(shipOrder(inMemoryUnitOfWork().unitOfWork, orderId, {}, context)).rejects.toThrow(OrderNotFoundError);
  });
});

describe('cancelOrder', () => {
  it.each(['PENDING', 'CONFIRMED'] as const)('cancels a %s order and publishes OrderCancelledEvent', async (status) => {
    const store = storeWith(status);
    const cancelled = await cancelOrder(store.unitOfWork, orderId, context);

    expect(cancelled.status).toBe('CANCELLED');
    expect(store.events()).toEqual([
      {
        type: 'OrderCancelledEvent',
        event: { orderId, customerId: cancelled.customerId, email: cancelled.email },
        context,
      },
    ]);
  });

  it.each(['REJECTED', 'SHIPPED', 'CANCELLED'] as const)(
    'refuses to cancel a %s order and publishes nothing',
    async (status) => {
      const store = storeWith(status);
      await expect(cancelOrder(store.unitOfWork, orderId, context)).rejects.toThrow(`is ${status}`);
      expect(store.events()).toEqual([]);
    },
  );
});
