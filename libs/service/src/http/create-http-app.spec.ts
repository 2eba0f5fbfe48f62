import express from 'express';
import { z } from 'zod';
import { ConflictError, NotFoundError } from '../errors/domain-errors.ts';
import { createLogger } from '../logger/create-logger.ts';
import { createMetrics } from '../metrics/create-metrics.ts';
import { createHttpApp } from './create-http-app.ts';
import { parseBody } from './parse-input.ts';
import { startHttpServer, type HttpServer } from './start-http-server.ts';

// The real app on a real port, called with fetch: what a client sees, headers included.

const PlaceOrder = z.object({
  customerId: z.string().min(1),
  email: z.email(),
  items: z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().positive() })).min(1),
});

const logLines: Record<string, unknown>[] = [];
const logger = createLogger({
  serviceName: 'order-service',
  level: 'debug',
  destination: { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) },
});

let databaseUp = true;
let processedSoFar = 0;
const routes = express.Router();
routes.post('/orders', (request, response) => {
  const order = parseBody(PlaceOrder, request.body);
  logger.info({ customerId: order.customerId }, 'placing order');
  response.status(201).json({ id: 'o-1', status: 'PENDING', ...order });
});
routes.get('/orders/:id', async (request) => {
  await Promise.resolve();
  throw new NotFoundError(`No order ${request.params['id']}`, { code: 'ORDER_NOT_FOUND' });
});
routes.post('/orders/:id/ship', () => {
  throw new ConflictError('Only CONFIRMED orders ship.');
});
routes.get('/boom', () => {
  throw new Error('secret internals');
});
// A route that queries the pool directly, no transaction, as the one-statement placement does:
// pg's own error for a session an administrator (or a failover) ended.
routes.post('/orders-in-one-statement', async () => {
  await Promise.resolve();
  throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
});

let server: HttpServer;
beforeAll(async () => {
  const app = createHttpApp({
    serviceName: 'order-service',
    logger,
    metrics: createMetrics({ serviceName: 'order-service' }),
    readinessChecks: [
      { name: 'kafka', check: async () => undefined },
      {
        name: 'database',
        check: async () => {
          if (!databaseUp) throw new Error('connection refused');
        },
      },
    ],
    routes,
    status: () => ({ consumer: { groupId: 'order-service', processed: processedSoFar } }),
  });
  server = await startHttpServer(app, { port: 0, host: '127.0.0.1' });
});
afterAll(() => server.stop());
beforeEach(() => {
  logLines.length = 0;
  databaseUp = true;
});

const validOrder = { customerId: 'c-1', email: 'ada@example.com', items: [{ sku: 'SKU-1', quantity: 2 }] };

function postJson(path: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  return problem;
}

describe('the HTTP shell', () => {
  it('passes a valid JSON body to the route', async () => {
    const response = await postJson('/orders', JSON.stringify(validOrder));

    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ id: 'o-1', status: 'PENDING', customerId: 'c-1' });
  });

  it('answers 400 naming each bad field when the body breaks the schema', async () => {
    const body = { customerId: '', email: 'not-an-email', items: [{ sku: 'SKU-1', quantity: -1 }] };

    const problem = await expectProblem(await postJson('/orders', JSON.stringify(body)), 400);

    expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Bad Request', instance: '/orders' });
    expect(problem['errors']).toEqual([
      expect.objectContaining({ path: 'customerId', pointer: '#/customerId' }),
      expect.objectContaining({ path: 'email', pointer: '#/email' }),
      expect.objectContaining({ path: 'items.0.quantity', pointer: '#/items/0/quantity' }),
    ]);
  });

  it('answers 400 when the body is not valid JSON', async () => {
    const problem = await expectProblem(await postJson('/orders', '{"customerId": "c-1",'), 400);

    expect(problem).toMatchObject({ code: 'MALFORMED_JSON', detail: 'The request body is not valid JSON.' });
  });

  it('answers 413 when the body is larger than 100kb', async () => {
    const body = JSON.stringify({ ...validOrder, padding: 'x'.repeat(101 * 1024) });

    const problem = await expectProblem(await postJson('/orders', body), 413);

    expect(problem).toMatchObject({ code: 'BODY_TOO_LARGE', title: 'Payload Too Large' });
  });

  it('answers 415 when a body is sent as something other than JSON', async () => {
    const response = await fetch(`${server.url}/orders`, {
      method: 'POST',
      body: 'customerId=c-1',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    });

    expect(await expectProblem(response, 415)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('accepts a POST without a body that says it is JSON (an action such as ship) and reaches the route', async () => {
    const response = await fetch(`${server.url}/orders/o-1/ship`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });

    expect(await expectProblem(response, 409)).toMatchObject({ code: 'CONFLICT', title: 'Conflict' });
  });

  it.each([
    ['no Content-Type', {}],
    ['a form', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['text/plain', { 'content-type': 'text/plain' }],
  ])('refuses a POST sent with %s, as a cross-site form can send it, with 415', async (_kind, headers) => {
    const response = await fetch(`${server.url}/orders/o-1/ship`, { method: 'POST', headers });

    expect(await expectProblem(response, 415)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('answers 404 for an unknown route', async () => {
    const problem = await expectProblem(await fetch(`${server.url}/nowhere`), 404);

    expect(problem).toMatchObject({
      code: 'ROUTE_NOT_FOUND',
      detail: 'No route for GET /nowhere',
      instance: '/nowhere',
    });
  });

  it('answers 404 with the domain code when an async route throws a NotFoundError', async () => {
    const problem = await expectProblem(await fetch(`${server.url}/orders/o-404`), 404);

    expect(problem).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      detail: 'No order o-404',
      type: 'urn:orderflow:problem:order-not-found',
    });
  });

  it('answers 500 without internals, and logs the error with its correlation id', async () => {
    const response = await fetch(`${server.url}/boom`, { headers: { 'X-Correlation-Id': 'corr-boom' } });

    const problem = await expectProblem(response, 500);
    expect(JSON.stringify(problem)).not.toContain('secret');
    expect(logLines).toContainEqual(
      expect.objectContaining({
        level: 'error',
        msg: 'request failed',
        correlationId: 'corr-boom',
        err: expect.objectContaining({ message: 'secret internals' }),
      }),
    );
  });

  it('answers 503 DATABASE_UNAVAILABLE with Retry-After when a route meets the database going away', async () => {
    const response = await fetch(`${server.url}/orders-in-one-statement`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });

    const problem = await expectProblem(response, 503);
    expect(problem).toMatchObject({ code: 'DATABASE_UNAVAILABLE', detail: expect.stringMatching(/try again/) });
    expect(JSON.stringify(problem)).not.toContain('administrator');
    expect(response.headers.get('retry-after')).toBe('1');
  });

  describe('request and correlation ids', () => {
    it('echoes the ids a caller sends', async () => {
      const response = await fetch(`${server.url}/health`, {
        headers: { 'X-Request-Id': 'req-42', 'X-Correlation-Id': 'corr-42' },
      });

      expect(response.headers.get('x-request-id')).toBe('req-42');
      expect(response.headers.get('x-correlation-id')).toBe('corr-42');
    });

    it('makes up both ids when the caller sends none (or an unusable one)', async () => {
      const response = await fetch(`${server.url}/health`, { headers: { 'X-Correlation-Id': 'bad id with spaces' } });

      expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(response.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('puts the correlation id on every log line of the request: the route’s own and the access log', async () => {
      await postJson('/orders', JSON.stringify(validOrder), { 'X-Correlation-Id': 'corr-7', 'X-Request-Id': 'req-7' });

      expect(logLines).toEqual([
        expect.objectContaining({
          msg: 'placing order',
          correlationId: 'corr-7',
          requestId: 'req-7',
          service: 'order-service',
        }),
        expect.objectContaining({
          level: 'info',
          correlationId: 'corr-7',
          method: 'POST',
          route: '/orders',
          status: '201',
        }),
      ]);
    });
  });

  describe('the access log', () => {
    const accessLog = () => logLines.filter((line) => 'durationMs' in line);

    it('writes one info line per API request that names method, route, status and duration', async () => {
      await fetch(`${server.url}/orders/o-42`);

      const [line, ...more] = accessLog();
      expect(more).toEqual([]);
      expect(line).toMatchObject({
        level: 'info',
        method: 'GET',
        route: '/orders/:id',
        status: '404',
        path: '/orders/o-42',
      });
      expect(line?.['durationMs']).toEqual(expect.any(Number));
      expect(line?.['msg']).toBe(`GET /orders/:id 404 ${String(line?.['durationMs'])} ms`);
    });

    it('names the path of a request no route matched', async () => {
      await fetch(`${server.url}/no/such/thing?x=1`);

      expect(accessLog()[0]).toMatchObject({
        level: 'info',
        route: 'unmatched',
        status: '404',
        msg: expect.stringMatching(/^GET \/no\/such\/thing 404 \d+ ms$/),
      });
    });

    it.each(['/health', '/ready', '/status', '/metrics'])(
      'logs a poll of %s at debug, below the default level info',
      async (probe) => {
        await fetch(`${server.url}${probe}`);

        expect(accessLog()).toEqual([
          expect.objectContaining({ level: 'debug', method: 'GET', route: probe, status: '200' }),
        ]);
      },
    );
  });

  describe('health, readiness, status and metrics', () => {
    it('/status answers what the service reports at the moment of the request', async () => {
      processedSoFar = 7;

      const response = await fetch(`${server.url}/status`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ consumer: { groupId: 'order-service', processed: 7 } });
    });

    it('/health answers 200 while the process runs, whatever the dependencies do', async () => {
      databaseUp = false;

      const response = await fetch(`${server.url}/health`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'ok', service: 'order-service' });
    });

    it('/ready answers 200 with each check when every dependency is reachable', async () => {
      const response = await fetch(`${server.url}/ready`);

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        status: 'ready',
        checks: { kafka: { status: 'up' }, database: { status: 'up' } },
      });
    });

    it('/ready answers 503 naming the dependency that is down', async () => {
      databaseUp = false;

      const problem = await expectProblem(await fetch(`${server.url}/ready`), 503);

      expect(problem).toMatchObject({
        code: 'NOT_READY',
        detail: 'Not ready: database unreachable.',
        checks: { kafka: { status: 'up' }, database: { status: 'down', error: 'connection refused' } },
      });
    });

    it('/metrics serves the project metrics and the process metrics as Prometheus text', async () => {
      await fetch(`${server.url}/orders/o-1`);

      const response = await fetch(`${server.url}/metrics`);
      const text = await response.text();

      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      for (const name of [
        'orderflow_http_requests_total',
        'orderflow_http_request_duration_seconds',
        'orderflow_events_produced_total',
        'orderflow_events_consumed_total',
        'orderflow_events_dead_lettered_total',
        'orderflow_events_retried_total',
        'orderflow_events_stale_total',
        'orderflow_outbox_backlog',
        'orderflow_handler_duration_seconds',
        'process_cpu_seconds_total',
      ]) {
        expect(text).toContain(`# TYPE ${name}`);
      }
      // Counted by route pattern, not by raw path.
      expect(text).toContain(
        'orderflow_http_requests_total{method="GET",route="/orders/:id",status="404",service="order-service"}',
      );
    });
  });
});
