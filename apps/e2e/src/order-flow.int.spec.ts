import { randomUUID } from 'node:crypto';
import { requestJson, waitFor } from '@orderflow/testing';
import { notificationKinds, orderReaches, startRunningStack, type RunningStack } from './spec-helpers/running-stack.ts';

// End to end: the three services as separate processes, talking only through Kafka, each
// with its own database, exactly as `npm start` runs them. Two inventory instances share
// the orders topic's partitions.

describe('Orderflow end to end (services as processes, real Kafka and PostgreSQL)', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    stack = await startRunningStack({ inventory: 2, notification: 1 });
  });
  afterAll(async () => {
    await stack?.stack.stop();
  });

  const customer = () => ({ customerId: randomUUID(), email: 'ada@example.com' });
  const placeOrder = async (items: { sku: string; quantity: number }[], who = customer()) => {
    const placed = await requestJson(`${stack.urlOf('order-service')}/orders`, 'POST', { ...who, items });
    expect(placed.status).toBe(201);
    return String(placed.body['id']);
  };
  /** A product of its own for a test, with this much stock. */
  const newProduct = async (quantity: number) => {
    const sku = `E2E-${randomUUID().slice(0, 8)}`;
    expect(
      (await requestJson(`${stack.urlOf('inventory-service')}/inventory/${sku}`, 'PUT', { quantity })).status,
    ).toBe(200);
    return sku;
  };

  it('takes an order to CONFIRMED and SHIPPED, with notifications for placed, confirmed and shipped in that order', async () => {
    const orderId = await placeOrder([{ sku: 'BOOK-1', quantity: 1 }]);
    await orderReaches(stack, orderId, 'CONFIRMED');

    const shipped = await requestJson(`${stack.urlOf('order-service')}/orders/${orderId}/ship`, 'POST', {
      trackingUrl: 'https://track.example/e2e',
    });
    expect(shipped.body['status']).toBe('SHIPPED');

    expect(await notificationKinds(stack, orderId, 3)).toEqual(['order-received', 'order-confirmed', 'order-shipped']);
    await waitFor(
      async () =>
        (await requestJson(`${stack.urlOf('inventory-service')}/reservations/${orderId}`)).body['status'] === 'SHIPPED',
      {
        description: 'the inventory to take the shipped units out',
      },
    );
  });

  it('rejects an order for more than the stock, says why, and tells the customer', async () => {
    const orderId = await placeOrder([{ sku: 'DESK-1', quantity: 1 }]);

    const rejected = await orderReaches(stack, orderId, 'REJECTED');
    expect(rejected['unavailableItems']).toEqual([
      { sku: 'DESK-1', reason: 'not-enough-stock', requested: 1, available: 0 },
    ]);
    expect(await notificationKinds(stack, orderId, 2)).toEqual(['order-received', 'order-rejected']);
  });

  it('releases the stock of a confirmed order that is cancelled', async () => {
    const sku = await newProduct(5);
    const orderId = await placeOrder([{ sku, quantity: 2 }]);
    await orderReaches(stack, orderId, 'CONFIRMED');
    expect((await requestJson(`${stack.urlOf('inventory-service')}/inventory/${sku}`)).body).toMatchObject({
      available: 3,
      reserved: 2,
    });

    expect((await requestJson(`${stack.urlOf('order-service')}/orders/${orderId}/cancel`, 'POST')).body['status']).toBe(
      'CANCELLED',
    );

    await waitFor(
      async () => (await requestJson(`${stack.urlOf('inventory-service')}/inventory/${sku}`)).body['available'] === 5,
      {
        description: 'the reserved units to be back',
      },
    );
    expect((await requestJson(`${stack.urlOf('inventory-service')}/reservations/${orderId}`)).body['status']).toBe(
      'RELEASED',
    );
    expect(await notificationKinds(stack, orderId, 3)).toEqual([
      'order-received',
      'order-confirmed',
      'order-cancelled',
    ]);
  });

  it('brings 200 orders from 20 concurrent clients to a final state, never selling more than the stock, with every notification exactly once', async () => {
    const sku = await newProduct(150);
    const who = customer();
    const orderIds: string[] = [];
    // 20 clients, each placing 10 orders one after another.
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        for (let order = 0; order < 10; order += 1) orderIds.push(await placeOrder([{ sku, quantity: 1 }], who));
      }),
    );

    const statuses = await waitFor(
      async () => {
        const found = await Promise.all(
          orderIds.map(async (id) =>
            String((await requestJson(`${stack.urlOf('order-service')}/orders/${id}`)).body['status']),
          ),
        );
        return found.every((status) => status === 'CONFIRMED' || status === 'REJECTED') ? found : undefined;
      },
      { description: '200 orders to be CONFIRMED or REJECTED', timeoutMs: 120_000, intervalMs: 1_000 },
    );
    expect(statuses.filter((status) => status === 'CONFIRMED')).toHaveLength(150);
    expect(statuses.filter((status) => status === 'REJECTED')).toHaveLength(50);
    expect((await requestJson(`${stack.urlOf('inventory-service')}/inventory/${sku}`)).body).toMatchObject({
      available: 0,
      reserved: 150,
    });

    const notifications = await waitFor(
      async () => {
        const pages = await Promise.all(
          [0, 200].map(
            async (offset) =>
              (
                await requestJson(
                  `${stack.urlOf('notification-service')}/notifications?customerId=${who.customerId}&limit=200&offset=${offset}`,
                )
              ).body,
          ),
        );
        const all = pages.flatMap((page) => page['notifications'] as { orderId: string; kind: string }[]);
        return all.length >= 400 ? all : undefined;
      },
      {
        description: '400 notifications (received + confirmed or rejected, per order)',
        timeoutMs: 60_000,
        intervalMs: 1_000,
      },
    );
    expect(notifications).toHaveLength(400);
    expect(new Set(notifications.map(({ orderId, kind }) => `${orderId} ${kind}`)).size).toBe(400);
    expect(new Set(notifications.map(({ orderId }) => orderId))).toEqual(new Set(orderIds));
  });
});
