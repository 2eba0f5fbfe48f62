import { serviceSecurityEnvironment, type LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { requestJson, testClusterFaults, waitFor, type ClusterFaults } from '@orderflow/testing';
import {
  notificationKinds,
  orderReaches,
  startRunningStack,
  type RunningStack,
} from '../spec-helpers/running-stack.ts';
import { securedCluster } from './secured-cluster.ts';

// The README's walkthrough on the secured stack (`npm start -- --secure`): every service logs in
// as its own user with only the ACLs of its role, and an order still goes all the way. Then a
// fault: a broker killed while orders flow loses none of them.

const customer = { customerId: '0195f0a0-0000-7000-8000-00000000c001', email: 'ada@example.com' };

describe('the order flow on the secured cluster', () => {
  let cluster: LocalKafkaCluster;
  let faults: ClusterFaults;
  let stack: RunningStack;

  beforeAll(async () => {
    cluster = await securedCluster();
    faults = await testClusterFaults();
    stack = await startRunningStack(
      { inventory: 1, notification: 1 },
      { kafkaLoginFor: (app) => serviceSecurityEnvironment(cluster.secrets(), app) },
    );
  });
  afterAll(async () => {
    await stack?.stack.stop();
    if (faults) {
      await faults.restore();
      await faults.waitForFullIsr();
    }
  });

  const place = async (sku: string, quantity: number) => {
    const { status, body } = await requestJson(`${stack.urlOf('order-service')}/orders`, 'POST', {
      ...customer,
      items: [{ sku, quantity }],
    });
    expect(status).toBe(201);
    return String(body['id']);
  };

  it('places an order that is CONFIRMED, shipped and notified, as the README walks through it', async () => {
    const order = await place('BOOK-1', 2);
    await orderReaches(stack, order, 'CONFIRMED');
    const shipped = await requestJson(`${stack.urlOf('order-service')}/orders/${order}/ship`, 'POST', {
      trackingUrl: 'https://track.example/42',
    });
    expect(shipped.body['status']).toBe('SHIPPED');
    expect(await notificationKinds(stack, order, 3)).toEqual(['order-received', 'order-confirmed', 'order-shipped']);
    const rejected = await place('DESK-1', 1);
    expect(await orderReaches(stack, rejected, 'REJECTED')).toMatchObject({
      unavailableItems: [{ sku: 'DESK-1', reason: 'not-enough-stock' }],
    });
  });

  it('confirms every order placed while a broker is killed, each notified once', async () => {
    const orders: string[] = [];
    for (let index = 0; index < 10; index += 1) orders.push(await place('BOOK-1', 1));
    await faults.killBroker(2);
    for (let index = 0; index < 10; index += 1) orders.push(await place('BOOK-1', 1));
    await faults.startBroker(2);
    for (const order of orders) await orderReaches(stack, order, 'CONFIRMED');
    // Exactly once: one "order-received" and one "order-confirmed" per order, never two.
    for (const order of orders) {
      const kinds = await waitFor(
        async () => {
          const { body } = await requestJson(`${stack.urlOf('notification-service')}/notifications?orderId=${order}`);
          const found = (body['notifications'] as { kind: string }[]).map((notification) => notification.kind);
          return found.length >= 2 ? found : undefined;
        },
        { description: `the notifications of ${order}`, timeoutMs: 60_000 },
      );
      expect(kinds).toEqual(['order-received', 'order-confirmed']);
    }
  });
});
