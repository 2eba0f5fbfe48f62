import { eventToMessage, recordToEvent } from '@orderflow/events';
import {
  consumeFromBeginning,
  localTestCluster,
  restoreTestCluster,
  startTestService,
  waitFor,
  type TestServiceOf,
} from '@orderflow/testing';
import { orderService, validOrder } from './spec-helpers/order-service-app.ts';

// Stops every broker of the local test cluster: run with the cluster `npm test` (or the dev
// profile) manages, never against an external one.
describe('order-service while Kafka is down (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof orderService>;

  beforeAll(async () => {
    app = await startTestService(orderService);
  });
  afterAll(async () => {
    // Whatever happened, leave the shared cluster running for the next suites.
    await restoreTestCluster(await localTestCluster());
    await app?.stop();
  });

  type ConsumerStatus = { assignment: Record<string, number[]> };
  const consumerStatus = async () => (await app.act('GET', '/status')).body['consumer'] as ConsumerStatus;

  // The whole cluster stops and starts: on the shared test cluster, by then holding hundreds of
  // partitions from earlier suites, the brokers' restart alone can take a minute or more.
  it('keeps answering POST /orders with 201, and the events arrive once the brokers are back', async () => {
    const cluster = await localTestCluster();
    await Promise.all(cluster.nodes().map((node) => cluster.stopBroker(node.id)));

    const placed = [];
    for (let index = 0; index < 3; index += 1) placed.push(await app.act('POST', '/orders', validOrder()));
    expect(placed.map((answer) => answer.status)).toEqual([201, 201, 201]);
    const ready = await app.act('GET', '/ready');
    expect(ready.status).toBe(503);
    expect(ready.body['checks']).toMatchObject({ kafka: { status: 'down' }, database: { status: 'up' } });

    await cluster.restore();

    const records = await consumeFromBeginning(app.kafka, app.topics.orders.name, 3, 120_000);
    const orderIds = records.map((record) => {
      const decoded = recordToEvent(app.topics.orders, record.message);
      return decoded.ok && decoded.type === 'OrderPlacedEvent' ? decoded.event.orderId : undefined;
    });
    expect(orderIds.sort()).toEqual(placed.map((answer) => String(answer.body['id'])).sort());
    await waitFor(
      async () => (await app.database.pool.query('SELECT 1 FROM kafka_outbox WHERE sent_at IS NULL')).rowCount === 0,
      {
        description: 'the outbox to be marked sent',
      },
    );
    // The inventory consumer must work again. Whether its member rejoined the group (its session
    // ran out while the brokers restarted) or kept its membership (the coordinator reloaded the
    // group and the member's heartbeats resumed in time) depends on how long the restart took:
    // both are right, so the proof is a result it handles. (It also means no restart of the
    // member is still pending when afterAll stops the service.)
    const [orderId] = orderIds as [string];
    const reserved = eventToMessage(
      app.topics.inventory,
      'StockReservedEvent',
      { orderId, items: validOrder().items },
      { occurredAt: new Date(), correlationId: 'after-outage' },
    );
    // The harness's producer connects now, after the outage; its stop() disconnects it.
    await (await app.producer()).send({ topic: app.topics.inventory.name, acks: -1, messages: [reserved] });
    await waitFor(async () => (await app.act('GET', `/orders/${orderId}`)).body['status'] === 'CONFIRMED', {
      description: 'the inventory consumer to handle a result after the outage',
      timeoutMs: 120_000,
    });
    expect((await consumerStatus()).assignment[app.topics.inventory.name]).toHaveLength(6);
  }, 300_000);
});
