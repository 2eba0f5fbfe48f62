import { eventToMessage, recordToEvent, type EventContext } from '@orderflow/events';
import { consumeFromBeginning, startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import type { Producer } from 'kafkajs';
import { orderService, validOrder } from './spec-helpers/order-service-app.ts';

describe('order-service consuming inventory results (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof orderService>;
  // Plays inventory-service: results straight onto the (test copy of the) inventory topic.
  let producer: Producer;

  beforeAll(async () => {
    app = await startTestService(orderService);
    producer = await app.producer();
  });
  afterAll(async () => {
    await app?.stop();
  });

  const context = (correlationId: string): EventContext => ({ occurredAt: new Date(), correlationId });

  async function placeOrder(): Promise<string> {
    const placed = await app.arrange('POST', '/orders', validOrder(), { 'X-Correlation-Id': 'flow-of-order' });
    return String(placed.body['id']);
  }

  async function statusOf(orderId: string, wanted: string) {
    return waitFor(async () => (await app.act('GET', `/orders/${orderId}`)).body['status'] === wanted, {
      description: `order ${orderId} to become ${wanted}`,
    });
  }

  /** The decoded events of one order on the orders topic, once `count` records of the topic are there. */
  async function eventsOf(orderId: string, count: number) {
    const records = await consumeFromBeginning(app.kafka, app.topics.orders.name, count);
    return records
      .map((record) => recordToEvent(app.topics.orders, record.message))
      .filter((decoded) => decoded.ok && decoded.event.orderId === orderId)
      .sort((a, b) => Number(a.ok && a.metadata.occurredAt) - Number(b.ok && b.metadata.occurredAt));
  }

  it('a StockReservedEvent moves the order to CONFIRMED and publishes OrderConfirmedEvent in the same flow', async () => {
    const orderId = await placeOrder();
    const reserved = eventToMessage(
      app.topics.inventory,
      'StockReservedEvent',
      { orderId, items: validOrder().items },
      context('flow-of-order'),
    );
    await producer.send({ topic: app.topics.inventory.name, acks: -1, messages: [reserved] });

    await statusOf(orderId, 'CONFIRMED');
    const events = await eventsOf(orderId, 2);
    expect(events.map((decoded) => decoded.ok && decoded.type)).toEqual(['OrderPlacedEvent', 'OrderConfirmedEvent']);
    expect(events[1]).toMatchObject({
      event: { orderId, customerId: validOrder().customerId, email: validOrder().email },
      metadata: { key: orderId, correlationId: 'flow-of-order', causationId: reserved.headers['event-id'] },
    });
  });

  it('a confirmed order can be shipped: 200 SHIPPED and a ProductShippedEvent', async () => {
    const orderId = await placeOrder();
    const reserved = eventToMessage(
      app.topics.inventory,
      'StockReservedEvent',
      { orderId, items: validOrder().items },
      context('ship-flow'),
    );
    await producer.send({ topic: app.topics.inventory.name, acks: -1, messages: [reserved] });
    await statusOf(orderId, 'CONFIRMED');

    const shipped = await app.act('POST', `/orders/${orderId}/ship`, { trackingUrl: 'https://track.example/p/1' });
    expect(shipped).toMatchObject({ status: 200, body: { status: 'SHIPPED' } });
    // 2 orders so far, each with placed + confirmed, plus this shipment.
    const events = await eventsOf(orderId, 5);
    expect(events.at(-1)).toMatchObject({
      type: 'ProductShippedEvent',
      event: { orderId, trackingUrl: 'https://track.example/p/1' },
    });
  });

  it('a StockReservationFailedEvent moves the order to REJECTED with the reasons and publishes OrderRejectedEvent', async () => {
    const orderId = await placeOrder();
    const unavailableItems = [{ sku: 'BOOK-1', reason: 'not-enough-stock' as const, requested: 2, available: 1 }];
    const failed = eventToMessage(
      app.topics.inventory,
      'StockReservationFailedEvent',
      { orderId, unavailableItems },
      context('reject-flow'),
    );
    await producer.send({ topic: app.topics.inventory.name, acks: -1, messages: [failed] });

    await statusOf(orderId, 'REJECTED');
    expect((await app.act('GET', `/orders/${orderId}`)).body['unavailableItems']).toEqual(unavailableItems);
    const events = await eventsOf(orderId, 7);
    expect(events.at(-1)).toMatchObject({ type: 'OrderRejectedEvent', event: { orderId, unavailableItems } });
  });

  it('stock reserved for an order cancelled meanwhile is ignored: it stays CANCELLED and nothing more is published', async () => {
    const orderId = await placeOrder();
    await app.arrange('POST', `/orders/${orderId}/cancel`);
    const reserved = eventToMessage(
      app.topics.inventory,
      'StockReservedEvent',
      { orderId, items: validOrder().items },
      context('late'),
    );
    await producer.send({ topic: app.topics.inventory.name, acks: -1, messages: [reserved] });

    await waitFor(
      async () =>
        (await app.database.pool.query('SELECT 1 FROM kafka_inbox WHERE event_id = $1', [reserved.headers['event-id']]))
          .rowCount === 1,
      { description: 'the consumer to handle the late reservation' },
    );
    expect((await app.act('GET', `/orders/${orderId}`)).body['status']).toBe('CANCELLED');
    const { rows } = await app.database.pool.query(
      'SELECT event_type FROM kafka_outbox WHERE message_key = $1 ORDER BY id',
      [orderId],
    );
    expect(rows.map((row: { event_type: string }) => row.event_type)).toEqual([
      'OrderPlacedEvent',
      'OrderCancelledEvent',
    ]);
  });

  it('a redelivered StockReservedEvent has no second effect (inbox)', async () => {
    const orderId = await placeOrder();
    const reserved = eventToMessage(
      app.topics.inventory,
      'StockReservedEvent',
      { orderId, items: validOrder().items },
      context('twice'),
    );
    await producer.send({ topic: app.topics.inventory.name, acks: -1, messages: [reserved, reserved] });

    await waitFor(
      async () => ((await app.act('GET', '/status')).body['consumer'] as { duplicates: number }).duplicates >= 1,
      { description: 'the duplicate to be skipped' },
    );
    const { rows } = await app.database.pool.query(
      'SELECT event_type FROM kafka_outbox WHERE message_key = $1 ORDER BY id',
      [orderId],
    );
    expect(rows.map((row: { event_type: string }) => row.event_type)).toEqual([
      'OrderPlacedEvent',
      'OrderConfirmedEvent',
    ]);
  });
});
