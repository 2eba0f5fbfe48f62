import { recordCount, startTestService, type TestServiceOf } from '@orderflow/testing';
import { orderService, validOrder } from './spec-helpers/order-service-app.ts';

type BadRequest = {
  readonly name: string;
  /** Sent as JSON unless `raw` gives the exact bytes. */
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
  readonly status: number;
  /** The fields the problem document must name (`errors[].path`). */
  readonly paths?: readonly string[];
  readonly code?: string;
};

const order = validOrder();
const withItem = (item: unknown) => ({ ...order, items: [item] });
const without = (field: keyof typeof order) =>
  Object.fromEntries(Object.entries(order).filter(([name]) => name !== field));

const cases: BadRequest[] = [
  { name: 'customerId missing', body: without('customerId'), status: 400, paths: ['customerId'] },
  { name: 'email missing', body: without('email'), status: 400, paths: ['email'] },
  { name: 'items missing', body: without('items'), status: 400, paths: ['items'] },
  { name: 'an empty object', body: {}, status: 400, paths: ['customerId', 'email', 'items'] },
  { name: 'customerId a number', body: { ...order, customerId: 42 }, status: 400, paths: ['customerId'] },
  { name: 'customerId null', body: { ...order, customerId: null }, status: 400, paths: ['customerId'] },
  { name: 'customerId not a UUID', body: { ...order, customerId: 'customer-1' }, status: 400, paths: ['customerId'] },
  { name: 'email not an address', body: { ...order, email: 'ada-at-example' }, status: 400, paths: ['email'] },
  { name: 'email a number', body: { ...order, email: 7 }, status: 400, paths: ['email'] },
  {
    name: 'email longer than 254',
    body: { ...order, email: `${'a'.repeat(250)}@example.com` },
    status: 400,
    paths: ['email'],
  },
  { name: 'items an object', body: { ...order, items: { sku: 'A', quantity: 1 } }, status: 400, paths: ['items'] },
  { name: 'items a string', body: { ...order, items: 'BOOK-1' }, status: 400, paths: ['items'] },
  { name: 'items empty', body: { ...order, items: [] }, status: 400, paths: ['items'] },
  {
    name: 'more than 100 items',
    body: { ...order, items: Array.from({ length: 101 }, (_, index) => ({ sku: `SKU-${index}`, quantity: 1 })) },
    status: 400,
    paths: ['items'],
  },
  { name: 'an item null', body: withItem(null), status: 400, paths: ['items.0'] },
  { name: 'quantity 0', body: withItem({ sku: 'A', quantity: 0 }), status: 400, paths: ['items.0.quantity'] },
  { name: 'quantity negative', body: withItem({ sku: 'A', quantity: -3 }), status: 400, paths: ['items.0.quantity'] },
  {
    name: 'quantity a fraction',
    body: withItem({ sku: 'A', quantity: 1.5 }),
    status: 400,
    paths: ['items.0.quantity'],
  },
  { name: 'quantity a string', body: withItem({ sku: 'A', quantity: '2' }), status: 400, paths: ['items.0.quantity'] },
  { name: 'quantity missing', body: withItem({ sku: 'A' }), status: 400, paths: ['items.0.quantity'] },
  {
    name: 'quantity above 10000',
    body: withItem({ sku: 'A', quantity: 10_001 }),
    status: 400,
    paths: ['items.0.quantity'],
  },
  { name: 'sku missing', body: withItem({ quantity: 1 }), status: 400, paths: ['items.0.sku'] },
  { name: 'sku empty', body: withItem({ sku: '', quantity: 1 }), status: 400, paths: ['items.0.sku'] },
  { name: 'sku a number', body: withItem({ sku: 12, quantity: 1 }), status: 400, paths: ['items.0.sku'] },
  {
    name: 'sku longer than 64',
    body: withItem({ sku: 'S'.repeat(65), quantity: 1 }),
    status: 400,
    paths: ['items.0.sku'],
  },
  {
    name: 'a sku twice',
    body: {
      ...order,
      items: [
        { sku: 'A', quantity: 1 },
        { sku: 'A', quantity: 2 },
      ],
    },
    status: 400,
    paths: ['items.1.sku'],
  },
  { name: 'an unknown field', body: { ...order, coupon: 'FREE' }, status: 400, paths: [''] },
  {
    name: 'an unknown item field',
    body: withItem({ sku: 'A', quantity: 1, price: 9 }),
    status: 400,
    paths: ['items.0'],
  },
  {
    name: 'several bad fields at once',
    body: { ...order, email: 'nope', items: [{ sku: 'A', quantity: 0 }] },
    status: 400,
    paths: ['email', 'items.0.quantity'],
  },
  { name: 'a JSON array', body: [order], status: 400, paths: [''] },
  { name: 'a JSON string', raw: '"an order"', status: 400, code: 'MALFORMED_JSON' },
  { name: 'JSON null', raw: 'null', status: 400, code: 'MALFORMED_JSON' },
  { name: 'malformed JSON', raw: '{"customerId": ', status: 400, code: 'MALFORMED_JSON' },
  {
    name: 'a text/plain body',
    raw: JSON.stringify(order),
    headers: { 'content-type': 'text/plain' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a form body',
    raw: 'customerId=1',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    status: 415,
    code: 'UNSUPPORTED_MEDIA_TYPE',
  },
  {
    name: 'a body over the limit',
    body: { ...order, padding: 'x'.repeat(200_000) },
    status: 413,
    code: 'BODY_TOO_LARGE',
  },
  {
    name: 'a sku with a control character',
    body: withItem({ sku: 'BOOK\u0000-1', quantity: 1 }),
    status: 400,
    paths: ['items.0.sku'],
  },
  {
    name: 'a sku with a newline',
    body: withItem({ sku: 'BOOK-1\nINFO forged log line', quantity: 1 }),
    status: 400,
    paths: ['items.0.sku'],
  },
  {
    name: 'a sku like a path',
    body: withItem({ sku: '../../etc/passwd', quantity: 1 }),
    status: 400,
    paths: ['items.0.sku'],
  },
  {
    name: 'a sku like SQL',
    body: withItem({ sku: "A'; DROP TABLE orders; --", quantity: 1 }),
    status: 400,
    paths: ['items.0.sku'],
  },
  { name: 'a huge quantity', body: withItem({ sku: 'A', quantity: 1e308 }), status: 400, paths: ['items.0.quantity'] },
  {
    name: 'a customerId of 10,000 characters',
    body: { ...order, customerId: 'c'.repeat(10_000) },
    status: 400,
    paths: ['customerId'],
  },
  {
    name: '10,000 items',
    body: { ...order, items: Array.from({ length: 10_000 }, (_, index) => ({ sku: `SKU-${index}`, quantity: 1 })) },
    status: 413,
    code: 'BODY_TOO_LARGE',
  },
  {
    name: 'an Idempotency-Key with spaces',
    body: order,
    headers: { 'Idempotency-Key': 'not a key' },
    status: 400,
    paths: ['Idempotency-Key'],
  },
  {
    name: 'an Idempotency-Key too long',
    body: order,
    headers: { 'Idempotency-Key': 'k'.repeat(256) },
    status: 400,
    paths: ['Idempotency-Key'],
  },
];

describe('POST /orders with bad input (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof orderService>;

  beforeAll(async () => {
    app = await startTestService(orderService);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it(`has at least 30 cases (${cases.length})`, () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases.map((badRequest) => [badRequest.name, badRequest] as const))(
    'answers %s with the right 4xx problem and writes no event',
    async (_name, { body, raw, headers, status, paths, code }) => {
      const response = await fetch(`${app.url}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: raw ?? JSON.stringify(body),
      });
      const problem = (await response.json()) as { code: string; errors?: { path: string }[] };

      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      if (code) expect(problem.code).toBe(code);
      if (paths) expect([...new Set(problem.errors?.map((error) => error.path))].sort()).toEqual([...paths].sort());
      expect(await app.outboxRows()).toBe(0);
    },
  );

  it.each([
    ['a path traversal', '/orders/..%2F..%2Fetc%2Fpasswd', 400],
    ['SQL', `/orders/${encodeURIComponent("1' OR '1'='1")}`, 400],
    ['a number', '/orders/42', 400],
    ['an unknown route', '/orders/0195f0a0-0000-7000-8000-00000000c001/refund', 404],
    ['an unknown top-level route', '/admin', 404],
  ])('answers a request with %s for an id or route with a problem, not an error', async (_name, path, status) => {
    // The POST says it is JSON, as a client of this API sends it: else the JSON rule answers 415 first.
    const response = await fetch(`${app.url}${path}`, {
      method: path.endsWith('/refund') ? 'POST' : 'GET',
      headers: { 'content-type': 'application/json' },
    });

    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('left the orders topic empty, and still takes a valid order afterwards', async () => {
    expect(await recordCount(app.kafka, app.topics.orders.name)).toBe(0);
    expect((await fetch(`${app.url}/health`)).status).toBe(200);

    const placed = await app.act('POST', '/orders', order);
    expect(placed.status).toBe(201);
  });
});
