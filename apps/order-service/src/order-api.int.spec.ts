import { headerNames, recordToEvent } from '@orderflow/events';
import { consumeFromBeginning, recordCount, startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import { orderService, validOrder } from './spec-helpers/order-service-app.ts';

describe('order-service HTTP API (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof orderService>;

  beforeAll(async () => {
    app = await startTestService(orderService);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('places an order: 201 PENDING with a Location, and an OrderPlacedEvent keyed by the order id on the orders topic', async () => {
    const placed = await app.act('POST', '/orders', validOrder(), { 'X-Correlation-Id': 'checkout-42' });

    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ ...validOrder(), status: 'PENDING' });
    const orderId = String(placed.body['id']);
    expect(placed.headers.get('location')).toBe(`/orders/${orderId}`);

    const [record] = await consumeFromBeginning(app.kafka, app.topics.orders.name, 1);
    const message = record?.message;
    expect(message?.key?.toString()).toBe(orderId);
    expect(Number(message?.timestamp)).toBe(Date.parse(String(placed.body['createdAt'])));
    const headers = Object.fromEntries(
      Object.entries(message?.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(headers).toMatchObject({
      [headerNames.eventType]: 'OrderPlacedEvent',
      [headerNames.eventVersion]: '1',
      [headerNames.correlationId]: 'checkout-42',
      [headerNames.source]: 'order-service',
      [headerNames.contentType]: 'application/json',
    });
    expect(headers[headerNames.eventId]).toMatch(/^[0-9a-f-]{36}$/);
    const decoded = message && recordToEvent(app.topics.orders, message);
    expect(decoded).toMatchObject({ ok: true, type: 'OrderPlacedEvent', event: { orderId, ...validOrder() } });
  });

  it('when an order is placed twice with one Idempotency-Key and one body, one order exists and one event is written', async () => {
    const before = await app.outboxRows();
    const headers = { 'Idempotency-Key': 'retry-safe-1' };
    const first = await app.act('POST', '/orders', validOrder(), headers);
    const second = await app.act('POST', '/orders', validOrder(), headers);

    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect(await app.outboxRows()).toBe(before + 1);
  });

  it('when one Idempotency-Key arrives ten times at once, one order and one event are written, and every answer is that order', async () => {
    const before = await app.outboxRows();
    const headers = { 'Idempotency-Key': 'retry-safe-concurrent' };
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => app.act('POST', '/orders', validOrder(), headers)),
    );

    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((answer) => answer.body['id'])).size).toBe(1);
    expect(await app.outboxRows()).toBe(before + 1);
  });

  it('refuses an Idempotency-Key reused with another body with 409, publishing nothing more', async () => {
    const headers = { 'Idempotency-Key': 'retry-safe-2' };
    await app.arrange('POST', '/orders', validOrder(), headers);
    const before = await app.outboxRows();

    const reused = await app.act('POST', '/orders', { ...validOrder(), email: 'bob@example.com' }, headers);

    expect(reused.status).toBe(409);
    expect(reused.body).toMatchObject({
      code: 'IDEMPOTENCY_KEY_REUSED',
      detail: expect.stringContaining('retry-safe-2'),
    });
    expect(await app.outboxRows()).toBe(before);
  });

  it('reads an order back by id; 404 for an unknown id and 400 for an id that is not a UUID', async () => {
    const placed = await app.arrange('POST', '/orders', validOrder());
    const read = await app.act('GET', `/orders/${String(placed.body['id'])}`);
    expect(read).toMatchObject({ status: 200, body: placed.body });

    expect((await app.act('GET', '/orders/0195f0a0-0000-7000-8000-0000000000ff')).status).toBe(404);
    const notUuid = await app.act('GET', '/orders/not-a-uuid');
    expect(notUuid.status).toBe(400);
    expect(notUuid.body['errors']).toEqual([expect.objectContaining({ path: 'id' })]);
  });

  it('lists orders by customer and status, newest first, one page at a time', async () => {
    const customerId = '0195f0a0-0000-7000-8000-00000000c0de';
    const ids: string[] = [];
    for (let index = 0; index < 3; index += 1) {
      ids.push(String((await app.arrange('POST', '/orders', { ...validOrder(), customerId })).body['id']));
    }

    const firstPage = await app.act('GET', `/orders?customerId=${customerId}&status=PENDING&limit=2`);
    expect(firstPage.status).toBe(200);
    expect((firstPage.body['orders'] as { id: string }[]).map((order) => order.id)).toEqual([ids[2], ids[1]]);
    expect(firstPage.body['nextOffset']).toBe(2);
    const lastPage = await app.act('GET', `/orders?customerId=${customerId}&limit=2&offset=2`);
    expect((lastPage.body['orders'] as { id: string }[]).map((order) => order.id)).toEqual([ids[0]]);
    expect(lastPage.body['nextOffset']).toBeUndefined();
    expect((await app.act('GET', `/orders?customerId=${customerId}&status=SHIPPED`)).body['orders']).toEqual([]);
  });

  it.each([
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=ten', 'limit'],
    ['offset=-1', 'offset'],
    ['status=LOST', 'status'],
    ['customerId=42', 'customerId'],
    ['colour=red', ''],
  ])('refuses the query %s with 400 naming %s', async (query, path) => {
    const answer = await app.act('GET', `/orders?${query}`);
    expect(answer.status).toBe(400);
    expect(answer.body['errors']).toEqual([expect.objectContaining({ path })]);
  });

  it('refuses to ship a PENDING order with 409 naming its status; cancels it; then refuses a second cancel', async () => {
    const placed = await app.arrange('POST', '/orders', validOrder());
    const orderId = String(placed.body['id']);

    const ship = await app.act('POST', `/orders/${orderId}/ship`);
    expect(ship.status).toBe(409);
    expect(ship.body['detail']).toContain('is PENDING');

    const cancel = await app.act('POST', `/orders/${orderId}/cancel`);
    expect(cancel).toMatchObject({ status: 200, body: { status: 'CANCELLED' } });
    const again = await app.act('POST', `/orders/${orderId}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body['detail']).toContain('is CANCELLED');
    expect((await app.act('POST', '/orders/0195f0a0-0000-7000-8000-0000000000ff/cancel')).status).toBe(404);
  });

  it('serves its OpenAPI description, readiness, metrics and the consumer status', async () => {
    expect((await app.act('GET', '/openapi.json')).body).toMatchObject({ openapi: '3.1.0' });
    expect((await app.act('GET', '/ready')).body).toMatchObject({
      status: 'ready',
      checks: { database: { status: 'up' }, kafka: { status: 'up' } },
    });
    expect(await (await fetch(`${app.url}/metrics`)).text()).toContain('orderflow_http_requests_total');
    const status = await waitFor(
      async () => {
        const answer = await app.act('GET', '/status');
        const consumer = answer.body['consumer'] as { state: string; assignment: Record<string, number[]> };
        return consumer.assignment[app.topics.inventory.name]?.length === 6 && answer.body;
      },
      { description: 'the consumer to hold all 6 inventory partitions' },
    );
    expect(status).toMatchObject({
      consumer: { groupId: app.groupId, state: 'running' },
      outboxRelay: { role: 'leader' },
    });
  });

  it('publishes every written event: the topic ends up with as many records as the outbox has rows', async () => {
    const rows = await app.outboxRows();
    await waitFor(async () => (await recordCount(app.kafka, app.topics.orders.name)) === rows, {
      description: `${rows} records on the orders topic`,
    });
  });
});
