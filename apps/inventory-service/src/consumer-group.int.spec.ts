import { randomUUID } from 'node:crypto';
import type { ConsumerStatus } from '@orderflow/kafka';
import { requestJson, startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import type { InventoryService } from './create-inventory-service.ts';
import { customer } from './spec-helpers/http.ts';
import { inventoryService } from './spec-helpers/inventory-service-app.ts';

// Several instances of inventory-service in one consumer group, on one database: the way it
// scales. Each test has its own topics, group and database.

describe('inventory-service instances in one consumer group (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof inventoryService>;

  // No instance yet: each test starts its own, as many as it needs.
  beforeEach(async () => {
    app = await startTestService(inventoryService, { instances: 0 });
  });
  afterEach(() => app?.stop());

  const consumerOf = async (instance: InventoryService) =>
    (await requestJson(`${instance.url}/status`)).body['consumer'] as ConsumerStatus;
  /** The partitions each running instance holds now, once they hold all 6 between them, none twice. */
  const splitAmong = async (instances: readonly InventoryService[]) =>
    waitFor(
      async () => {
        const held = (await Promise.all(instances.map(consumerOf))).map(
          (status) => status.assignment[app.topics.orders.name] ?? [],
        );
        const all = held.flat();
        return all.length === 6 && new Set(all).size === 6 && held.every((partitions) => partitions.length > 0)
          ? held
          : undefined;
      },
      { description: `${instances.length} instances to split the 6 partitions`, timeoutMs: 60_000 },
    );
  const reservationCount = async (status?: string) =>
    Number(
      (
        await app.database.pool.query('SELECT count(*) FROM reservations WHERE $1::text IS NULL OR status = $1', [
          status ?? null,
        ])
      ).rows[0].count,
    );
  const placeOrders = (count: number, sku: string) =>
    Promise.all(
      Array.from({ length: count }, async () => {
        const orderId = randomUUID();
        await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 1 }] });
        return orderId;
      }),
    );

  it('splits the 6 partitions among 3 instances, and when one stops the others take its partitions over, missing nothing and applying nothing twice', async () => {
    const instances = [await app.startInstance(), await app.startInstance(), await app.startInstance()];
    const sku = await app.stockUp(1_000);
    const held = await splitAmong(instances);
    expect(held.map((partitions) => partitions.length).sort()).toEqual([2, 2, 2]);

    const before = await placeOrders(30, sku);
    const [leaving, ...staying] = instances as [InventoryService, InventoryService, InventoryService];
    // The instance leaves while orders keep coming: its partitions move to the other two.
    const [, during] = await Promise.all([leaving.stop(), placeOrders(30, sku)]);
    await splitAmong(staying);
    const after = await placeOrders(30, sku);
    const orderIds = [...before, ...during, ...after];

    await waitFor(async () => (await reservationCount()) === orderIds.length, {
      description: 'every order to be reserved',
      timeoutMs: 60_000,
    });
    const events = await app.inventoryEvents(orderIds.length);
    expect(events.map((decoded) => decoded.type)).toEqual(orderIds.map(() => 'StockReservedEvent'));
    expect(new Set(events.map((decoded) => decoded.event.orderId))).toEqual(new Set(orderIds));
    expect((await requestJson(`${staying[0].url}/inventory/${sku}`)).body).toMatchObject({
      reserved: orderIds.length,
      available: 1_000 - orderIds.length,
    });
  });

  it('gives the last units to exactly as many orders as there are units, while two instances race for them', async () => {
    const instances = [await app.startInstance(), await app.startInstance()];
    await splitAmong(instances);
    // 10 products with one unit each, 4 orders for each: spread over all partitions by their keys.
    const skus = await Promise.all(Array.from({ length: 10 }, () => app.stockUp(1)));
    const orders = skus.flatMap((sku) => Array.from({ length: 4 }, () => ({ orderId: randomUUID(), sku })));
    await Promise.all(
      orders.map(({ orderId, sku }) =>
        app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 1 }] }),
      ),
    );

    await waitFor(async () => (await reservationCount()) === orders.length, {
      description: 'every order to be decided',
      timeoutMs: 60_000,
    });
    const { rows } = await app.database.pool.query<{ sku: string; held: string }>(
      `SELECT items->0->>'sku' AS sku, count(*) AS held FROM reservations WHERE status = 'HELD' GROUP BY 1`,
    );
    expect(Object.fromEntries(rows.map((row) => [row.sku, Number(row.held)]))).toEqual(
      Object.fromEntries(skus.map((sku) => [sku, 1])),
    );
    expect(await reservationCount('FAILED')).toBe(30);
    // Both instances did part of the work: the race really ran across instances.
    expect((await Promise.all(instances.map(consumerOf))).every((status) => status.processed > 0)).toBe(true);
  });

  it("applies each order's events in the order they happened, while many orders flow through two instances at once", async () => {
    const instances = [await app.startInstance(), await app.startInstance()] as const;
    await splitAmong(instances);
    const sku = await app.stockUp(1_000);
    const items = [{ sku, quantity: 2 }];
    // Each order's events are sent one after another (so they are ordered on its partition);
    // the 40 orders run side by side, so their events interleave on the topic.
    const cancelled = Array.from({ length: 20 }, () => randomUUID());
    const shipped = Array.from({ length: 20 }, () => randomUUID());
    await Promise.all([
      ...cancelled.map(async (orderId) => {
        await app.publish('OrderPlacedEvent', { orderId, ...customer, items });
        await app.publish('OrderCancelledEvent', { orderId, ...customer });
      }),
      ...shipped.map(async (orderId) => {
        await app.publish('OrderPlacedEvent', { orderId, ...customer, items });
        await app.publish('OrderConfirmedEvent', { orderId, ...customer });
        await app.publish('ProductShippedEvent', { orderId, ...customer, items });
      }),
    ]);

    // Out of order, a cancel or a shipment seen before its placement would be ignored and the
    // reservation would stay HELD.
    await waitFor(
      async () => (await reservationCount('RELEASED')) === 20 && (await reservationCount('SHIPPED')) === 20,
      {
        description: '20 reservations released and 20 shipped',
        timeoutMs: 60_000,
      },
    );
    expect(await reservationCount()).toBe(40);
    expect((await requestJson(`${instances[1].url}/inventory/${sku}`)).body).toMatchObject({
      onHand: 1_000 - 40,
      reserved: 0,
      available: 960,
    });
  });
});
