import { randomUUID } from 'node:crypto';
import { deadLetterTopicName, eventToMessage, newEventId } from '@orderflow/events';
import { createEventProducer, type EventProducer } from '@orderflow/kafka';
import { consumeFromBeginning, startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import {
  consumerStatus,
  eventContext,
  newCustomer,
  notificationService,
  notificationsFor,
  testItems,
} from './spec-helpers/notification-service-app.ts';

describe('notification-service consuming order events (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof notificationService>;
  let producer: EventProducer;

  beforeAll(async () => {
    app = await startTestService(notificationService);
    // Plays order-service's outbox relay: events straight onto the (test copy of the) orders topic.
    producer = createEventProducer({ kafka: app.kafka });
    await producer.start();
  });
  afterAll(async () => {
    await producer?.stop();
    await app?.stop();
  });

  const notificationsOf = (orderId: string, count: number) =>
    waitFor(
      async () => {
        const found = await notificationsFor(app, `orderId=${orderId}`);
        return found.length >= count && found;
      },
      { description: `${count} notification(s) for order ${orderId}` },
    );

  it('holds all 6 partitions of the orders topic, and says so on /status; /ready checks database and Kafka', async () => {
    const status = await waitFor(
      async () => {
        const consumer = await consumerStatus(app);
        return consumer.assignment[app.topics.orders.name]?.length === 6 && consumer;
      },
      { description: 'the consumer to hold all 6 partitions' },
    );
    expect(status).toMatchObject({
      groupId: app.groupId,
      state: 'running',
      memberId: expect.stringContaining('notification-service-test'),
    });
    expect((await app.act('GET', '/ready')).body).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'up' }, kafka: { status: 'up' } },
    });
    expect((await app.act('GET', '/health')).status).toBe(200);
  });

  it('counts what its consumer handled on /metrics', async () => {
    await producer.publish(
      app.topics.orders,
      'OrderConfirmedEvent',
      { orderId: randomUUID(), ...newCustomer() },
      eventContext(),
    );
    await waitFor(async () => (await consumerStatus(app)).processed >= 1, { description: 'one event handled' });

    const metrics = await (await fetch(`${app.url}/metrics`)).text();
    expect(metrics).toMatch(
      new RegExp(`orderflow_events_consumed_total\\{[^}]*topic="${app.topics.orders.name}"[^}]*\\} [1-9]`),
    );
  });

  it('placed → confirmed → shipped for one order gives three notifications, in the order the events happened', async () => {
    const orderId = randomUUID();
    const customer = newCustomer();
    const placedAt = new Date(Date.now() - 3_000);
    const at = (seconds: number) => new Date(placedAt.getTime() + seconds * 1_000);
    await producer.publish(
      app.topics.orders,
      'OrderPlacedEvent',
      { orderId, ...customer, items: testItems },
      eventContext(at(0)),
    );
    await producer.publish(app.topics.orders, 'OrderConfirmedEvent', { orderId, ...customer }, eventContext(at(1)));
    const trackingUrl = 'https://track.example/p/42';
    await producer.publish(
      app.topics.orders,
      'ProductShippedEvent',
      { orderId, ...customer, items: testItems, trackingUrl },
      eventContext(at(2)),
    );

    const notifications = await notificationsOf(orderId, 3);

    expect(notifications.map((notification) => notification.kind)).toEqual([
      'order-received',
      'order-confirmed',
      'order-shipped',
    ]);
    expect(notifications.map((notification) => notification.occurredAt)).toEqual(
      [at(0), at(1), at(2)].map((date) => date.toISOString()),
    );
    expect(notifications[2]).toMatchObject({
      eventType: 'ProductShippedEvent',
      orderId,
      ...customer,
      subject: `Your order ${orderId} has shipped`,
    });
    expect(notifications[2]?.body).toContain(trackingUrl);
    // Each logged once, after its commit, with the flow's correlation id.
    const logged = await waitFor(
      () => {
        const lines = app
          .logLines()
          .filter((line) => line['notificationId'] !== undefined && line['orderId'] === orderId);
        return lines.length >= 3 && lines;
      },
      { description: `the log lines of order ${orderId}'s notifications` },
    );
    expect(logged).toHaveLength(3);
    expect(logged[2]).toMatchObject({
      level: 'info',
      correlationId: 'notification-test',
      notificationId: notifications[2]?.id,
      kind: 'order-shipped',
      to: customer.email,
      subject: notifications[2]?.subject,
      body: notifications[2]?.body,
    });
    // One notification by its id: the same as in the list.
    expect((await app.act('GET', `/notifications/${notifications[0]?.id}`)).body).toEqual(notifications[0]);
  });

  it("a rejected order's notification names each sku and its reason", async () => {
    const orderId = randomUUID();
    const unavailableItems = [
      { sku: 'GHOST-9', reason: 'unknown-sku' as const, requested: 1, available: 0 },
      { sku: 'BOOK-1', reason: 'not-enough-stock' as const, requested: 5, available: 2 },
    ];
    await producer.publish(
      app.topics.orders,
      'OrderRejectedEvent',
      { orderId, ...newCustomer(), unavailableItems },
      eventContext(),
    );

    const [rejected] = await notificationsOf(orderId, 1);

    expect(rejected).toMatchObject({ kind: 'order-rejected', eventType: 'OrderRejectedEvent' });
    expect(rejected?.body).toContain('GHOST-9: we do not sell this product (unknown sku)');
    expect(rejected?.body).toContain('BOOK-1: not enough stock (you asked for 5, we have 2)');
  });

  it('the same event delivered twice (one event id) gives one notification: the inbox skips the second', async () => {
    const orderId = randomUUID();
    const eventId = newEventId();
    const cancelled = { orderId, ...newCustomer() };
    await producer.publish(app.topics.orders, 'OrderCancelledEvent', cancelled, eventContext(new Date(), eventId));
    await producer.publish(app.topics.orders, 'OrderCancelledEvent', cancelled, eventContext(new Date(), eventId));

    await waitFor(async () => (await consumerStatus(app)).duplicates >= 1, {
      description: 'the second copy to be skipped',
    });

    expect((await consumerStatus(app)).duplicates).toBe(1);
    const notifications = await notificationsFor(app, `orderId=${orderId}`);
    expect(notifications).toEqual([expect.objectContaining({ eventId, kind: 'order-cancelled' })]);
  });

  it('a record of garbage bytes goes to <topic>.<group>.dlt, and the next event of that order still gets its notification', async () => {
    const orderId = randomUUID();
    const customer = newCustomer();
    // Real headers, unreadable value: what a buggy writer could put on the topic.
    const valid = eventToMessage(
      app.topics.orders,
      'OrderPlacedEvent',
      { orderId, ...customer, items: testItems },
      eventContext(),
    );
    const garbage = { ...valid, value: Buffer.from([0xff, 0xfe, 0x00, 0x42]), headers: { ...valid.headers } };
    await (await app.producer()).send({ topic: app.topics.orders.name, acks: -1, messages: [garbage] });
    // Same key, so the same partition, after the garbage.
    await producer.publish(app.topics.orders, 'OrderConfirmedEvent', { orderId, ...customer }, eventContext());

    const [confirmed] = await notificationsOf(orderId, 1);

    expect(confirmed).toMatchObject({ kind: 'order-confirmed', eventType: 'OrderConfirmedEvent' });
    const [deadLetter] = await consumeFromBeginning(app.kafka, deadLetterTopicName(app.topics.orders, app.groupId), 1);
    expect(deadLetter?.message.key?.toString()).toBe(orderId);
    expect(deadLetter?.message.value).toEqual(garbage.value);
    expect(String(deadLetter?.message.headers?.['dlt-error-code'])).toBe('undecodable-value');
    expect(await consumerStatus(app)).toMatchObject({ deadLettered: 1, lastError: { code: 'undecodable-value' } });
  });

  it('filters by customer (one page at a time); refuses a bad query naming the field; 404 for an unknown id', async () => {
    const customer = newCustomer();
    const orderIds = [randomUUID(), randomUUID()];
    for (const orderId of orderIds) {
      await producer.publish(
        app.topics.orders,
        'OrderPlacedEvent',
        { orderId, ...customer, items: testItems },
        eventContext(),
      );
    }
    await producer.publish(
      app.topics.orders,
      'OrderPlacedEvent',
      { orderId: randomUUID(), ...newCustomer(), items: testItems },
      eventContext(),
    );

    const mine = await waitFor(
      async () => {
        const found = await notificationsFor(app, `customerId=${customer.customerId}`);
        return found.length >= 2 && found;
      },
      { description: `the notifications of customer ${customer.customerId}` },
    );
    expect(mine.map((notification) => notification.orderId).sort()).toEqual([...orderIds].sort());
    expect(mine.every((notification) => notification.customerId === customer.customerId)).toBe(true);
    const firstPage = await app.act('GET', `/notifications?customerId=${customer.customerId}&limit=1`);
    expect(firstPage.body).toMatchObject({ notifications: [mine[0]], limit: 1, offset: 0, nextOffset: 1 });

    const badQuery = await app.act('GET', '/notifications?orderId=not-a-uuid');
    expect(badQuery.status).toBe(400);
    expect(badQuery.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(badQuery.body['errors']).toEqual([expect.objectContaining({ path: 'orderId' })]);
    expect((await app.act('GET', '/notifications?limit=201')).body['errors']).toEqual([
      expect.objectContaining({ path: 'limit' }),
    ]);

    const unknown = await app.act('GET', `/notifications/${randomUUID()}`);
    expect(unknown).toMatchObject({ status: 404, body: { code: 'NOTIFICATION_NOT_FOUND' } });
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const notUuid = await app.act('GET', '/notifications/not-a-uuid');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body['errors']).toEqual([expect.objectContaining({ path: 'id' })]);
  });
});
