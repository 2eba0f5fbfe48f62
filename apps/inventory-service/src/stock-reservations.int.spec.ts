import { randomUUID } from 'node:crypto';
import { startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import { customer } from './spec-helpers/http.ts';
import { inventoryService } from './spec-helpers/inventory-service-app.ts';

describe('inventory-service handling order events (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof inventoryService>;

  beforeAll(async () => {
    app = await startTestService(inventoryService);
  });
  afterAll(() => app?.stop());

  const stockOf = async (sku: string) => (await app.act('GET', `/inventory/${sku}`)).body;
  const reservationOf = (orderId: string, status: string) =>
    waitFor(
      async () => {
        const { body } = await app.act('GET', `/reservations/${orderId}`);
        return body['status'] === status ? body : undefined;
      },
      { description: `the reservation of ${orderId} to be ${status}` },
    );
  /**
   * Waits until every event published so far for the order has been handled: a marker event
   * of the same key lands on the same partition, after them, so it is handled last.
   */
  const everythingHandledFor = async (orderId: string) => {
    const marker = await app.publish('OrderConfirmedEvent', { orderId, ...customer });
    await waitFor(
      async () =>
        (await app.database.pool.query('SELECT 1 FROM kafka_inbox WHERE event_id = $1', [marker])).rowCount === 1,
      {
        description: `the events of order ${orderId} to be handled`,
      },
    );
  };
  /** The inventory's events about one order, in topic order, once `total` events are on the topic. */
  const eventsOf = async (orderId: string, total: number) =>
    (await app.inventoryEvents(total)).filter((decoded) => decoded.event.orderId === orderId);

  it('reserves every item of a placed order and publishes StockReservedEvent keyed by the order id', async () => {
    const [book, pen] = [await app.stockUp(5), await app.stockUp(2)];
    const orderId = randomUUID();
    const items = [
      { sku: book, quantity: 2 },
      { sku: pen, quantity: 2 },
    ];
    const placedEventId = await app.publish('OrderPlacedEvent', { orderId, ...customer, items });

    await reservationOf(orderId, 'HELD');
    expect(await stockOf(book)).toMatchObject({ available: 3, reserved: 2, onHand: 5 });
    expect(await stockOf(pen)).toMatchObject({ available: 0, reserved: 2, onHand: 2 });
    const [reserved] = await eventsOf(orderId, 1);
    expect(reserved).toMatchObject({
      type: 'StockReservedEvent',
      event: { orderId, items },
      metadata: {
        key: orderId,
        causationId: placedEventId,
        correlationId: 'test-OrderPlacedEvent',
        source: 'inventory-service',
      },
    });
  });

  it('reserves nothing when one item is short, and names each unavailable sku with its reason', async () => {
    const [plenty, scarce] = [await app.stockUp(10), await app.stockUp(1)];
    const orderId = randomUUID();
    await app.publish('OrderPlacedEvent', {
      orderId,
      ...customer,
      items: [
        { sku: plenty, quantity: 3 },
        { sku: scarce, quantity: 2 },
        { sku: 'NO-SUCH-SKU', quantity: 1 },
      ],
    });

    const failed = await reservationOf(orderId, 'FAILED');
    const expected = [
      { sku: 'NO-SUCH-SKU', reason: 'unknown-sku', requested: 1, available: 0 },
      { sku: scarce, reason: 'not-enough-stock', requested: 2, available: 1 },
    ];
    expect(failed['unavailableItems']).toEqual(expect.arrayContaining(expected));
    expect(await stockOf(plenty)).toMatchObject({ available: 10, reserved: 0 });
    const total = (await app.inventoryEvents(2)).length;
    const [event] = await eventsOf(orderId, total);
    expect(event?.type).toBe('StockReservationFailedEvent');
    expect(event?.event).toMatchObject({ orderId, unavailableItems: expect.arrayContaining(expected) });
  });

  it('releases a held reservation once on cancel, however many cancels arrive', async () => {
    const sku = await app.stockUp(4);
    const orderId = randomUUID();
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 3 }] });
    await reservationOf(orderId, 'HELD');

    await app.publish('OrderCancelledEvent', { orderId, ...customer });
    await app.publish('OrderCancelledEvent', { orderId, ...customer });
    await reservationOf(orderId, 'RELEASED');
    await everythingHandledFor(orderId);

    expect(await stockOf(sku)).toMatchObject({ available: 4, reserved: 0, onHand: 4 });
    const released = (await eventsOf(orderId, 4)).map((decoded) => decoded.type);
    expect(released).toEqual(['StockReservedEvent', 'StockReleasedEvent']);
  });

  it('takes shipped units out of the warehouse for good', async () => {
    const sku = await app.stockUp(6);
    const orderId = randomUUID();
    const items = [{ sku, quantity: 4 }];
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items });
    await reservationOf(orderId, 'HELD');

    await app.publish('ProductShippedEvent', { orderId, ...customer, items });
    await reservationOf(orderId, 'SHIPPED');

    expect(await stockOf(sku)).toMatchObject({ available: 2, reserved: 0, onHand: 2 });
  });

  it('applies a redelivered event once: the inbox skips the second copy', async () => {
    const sku = await app.stockUp(5);
    const orderId = randomUUID();
    const eventId = randomUUID();
    const before = (await app.act('GET', '/status')).body['consumer'] as { duplicates: number };
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 2 }] }, eventId);
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 2 }] }, eventId);

    await waitFor(
      async () =>
        ((await app.act('GET', '/status')).body['consumer'] as { duplicates: number }).duplicates ===
        before.duplicates + 1,
      {
        description: 'the second copy to be skipped as a duplicate',
      },
    );
    expect(await stockOf(sku)).toMatchObject({ available: 3, reserved: 2 });
  });

  it('ignores a cancel of an order whose reservation failed: nothing to release', async () => {
    const sku = await app.stockUp(1);
    const orderId = randomUUID();
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 5 }] });
    await reservationOf(orderId, 'FAILED');
    await app.publish('OrderCancelledEvent', { orderId, ...customer });
    await everythingHandledFor(orderId);

    expect(await reservationOf(orderId, 'FAILED')).toMatchObject({ status: 'FAILED' });
    expect(await stockOf(sku)).toMatchObject({ available: 1, reserved: 0 });
  });

  it('refuses a placement that comes after its cancel (a replayed dead letter): nothing reserved, nothing published', async () => {
    const sku = await app.stockUp(3);
    const orderId = randomUUID();

    await app.publish('OrderCancelledEvent', { orderId, ...customer });
    await app.publish('OrderPlacedEvent', { orderId, ...customer, items: [{ sku, quantity: 2 }] });
    await everythingHandledFor(orderId);

    expect(await reservationOf(orderId, 'CANCELLED')).toMatchObject({ status: 'CANCELLED', items: [] });
    expect(await stockOf(sku)).toMatchObject({ available: 3, reserved: 0, onHand: 3 });
    const outbox = await app.database.pool.query('SELECT event_type FROM kafka_outbox WHERE message_key = $1', [
      orderId,
    ]);
    expect(outbox.rows).toEqual([]);
    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(/^orderflow_events_stale_total\{[^}]*event_type="OrderPlacedEvent"[^}]*\} 1$/m);
  });
});
