import { startTestService, type TestServiceOf } from '@orderflow/testing';
import { inventoryService } from './spec-helpers/inventory-service-app.ts';

describe('the inventory REST API (real PostgreSQL)', () => {
  let app: TestServiceOf<typeof inventoryService>;

  beforeAll(async () => {
    app = await startTestService(inventoryService);
  });
  afterAll(() => app?.stop());

  it('starts with the committed catalogue of 20 products', async () => {
    const { status, body } = await app.act('GET', '/inventory');

    expect(status).toBe(200);
    const items = body['items'] as { sku: string }[];
    expect(items).toHaveLength(20);
    expect(items[0]).toEqual({
      sku: 'BOOK-1',
      name: 'Designing Data-Intensive Applications',
      available: 120,
      reserved: 0,
      onHand: 120,
      updatedAt: expect.any(String),
    });
  });

  it('shows one product by sku, and answers 404 problem+json for an unknown one', async () => {
    expect((await app.act('GET', '/inventory/PEN-7')).body).toMatchObject({ sku: 'PEN-7', available: 300 });

    const missing = await app.act('GET', '/inventory/NO-SUCH-SKU');
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ code: 'SKU_NOT_FOUND', detail: 'Product NO-SUCH-SKU does not exist.' });
  });

  it('restocks: PUT sets what can be sold and keeps reserved units on top', async () => {
    await app.database.pool.query(`UPDATE stock SET reserved = 2 WHERE sku = 'LAMP-1'`);

    const { status, body } = await app.act('PUT', '/inventory/LAMP-1', { quantity: 50 });

    expect(status).toBe(200);
    expect(body).toMatchObject({ sku: 'LAMP-1', name: 'Desk lamp', available: 50, reserved: 2, onHand: 52 });
  });

  it('adds a product when PUT names a new sku', async () => {
    const { status, body } = await app.act('PUT', '/inventory/POSTER-9', {
      quantity: 7,
      name: 'Poster, KRaft quorum',
    });

    expect(status).toBe(200);
    expect(body).toMatchObject({ sku: 'POSTER-9', name: 'Poster, KRaft quorum', available: 7, reserved: 0, onHand: 7 });
    expect((await app.act('GET', '/inventory/POSTER-9')).body).toMatchObject({ available: 7 });
  });

  it.each([
    ['a negative quantity', { quantity: -1 }, 'quantity'],
    ['a fractional quantity', { quantity: 1.5 }, 'quantity'],
    ['a quantity as text', { quantity: '5' }, 'quantity'],
    ['no quantity', {}, 'quantity'],
    ['an unknown field', { quantity: 1, price: 3 }, ''],
  ])('answers 400 naming the field for %s, and changes nothing', async (_case, body, field) => {
    const response = await app.act('PUT', '/inventory/PEN-8', body);

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body['errors'])).toContain(`"path":"${field}"`);
    expect((await app.act('GET', '/inventory/PEN-8')).body).toMatchObject({ available: 250 });
  });

  it('answers 400 for a sku longer than 64 characters', async () => {
    const response = await app.act('PUT', `/inventory/${'X'.repeat(65)}`, { quantity: 1 });

    expect(response.status).toBe(400);
    expect(JSON.stringify(response.body['errors'])).toContain('"path":"sku"');
  });

  it('answers 404 for the reservation of an order it has not seen, 400 for an id that is not a UUID', async () => {
    expect((await app.act('GET', '/reservations/0195f0a0-0000-7000-8000-000000000000')).status).toBe(404);
    expect((await app.act('GET', '/reservations/..%2F..%2Fetc%2Fpasswd')).status).toBe(400);
  });

  it('shows its consumer group and outbox relay on /status', async () => {
    const { body } = await app.act('GET', '/status');

    expect(body).toMatchObject({
      consumer: { groupId: app.groupId, state: 'running', memberId: expect.any(String) },
      outboxRelay: { role: expect.stringMatching(/leader|standby/) },
    });
  });
});
