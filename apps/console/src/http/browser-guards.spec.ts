import { once } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import { createHttpApp, createLogger, createMetrics } from '@orderflow/service';
import { Router } from 'express';
import { browserGuards } from './browser-guards.ts';

// What a browser is refused, over a real socket (fetch may not set Host; node:http may), in the
// console's own HTTP shell: the guards on its routes, the shared JSON rule for writes.

let server: Server;
let port = 0;

beforeAll(async () => {
  const routes = Router();
  routes.use(browserGuards(['console.example']));
  routes.get('/api/view', (_request, response) => void response.json({ ok: true }));
  routes.post('/api/orders', (_request, response) => void response.status(201).json({ ok: true }));
  const app = createHttpApp({
    serviceName: 'console',
    logger: createLogger({ serviceName: 'console', level: 'silent' }),
    metrics: createMetrics({ serviceName: 'console' }),
    routes,
  });
  server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  port = typeof address === 'object' && address ? address.port : 0;
});
afterAll(() => server.close());

function send(method: string, host: string, contentType?: string) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const request = httpRequest(
      { host: '127.0.0.1', port, method, path: method === 'GET' ? '/api/view' : '/api/orders' },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
      },
    );
    request.setHeader('Host', host);
    if (contentType) request.setHeader('Content-Type', contentType);
    request.on('error', reject).end(method === 'GET' ? undefined : '{"items":[]}');
  });
}

describe("the console's browser guards", () => {
  it.each(['localhost:3003', '127.0.0.1:3003', '[::1]:3003', 'Console.Example'])(
    'serves a page asked for as %s',
    async (host) => {
      expect((await send('GET', host)).status).toBe(200);
    },
  );

  it('refuses a request whose Host is another name (DNS rebinding), saying how to allow one', async () => {
    const answer = await send('GET', 'evil.example:3003');
    expect(answer.status).toBe(421);
    expect(answer.body).toContain('HOST_NOT_ALLOWED');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded'], [undefined]])(
    'refuses a write sent as %s, as a cross-site form would send it',
    async (contentType) => {
      expect((await send('POST', 'localhost:3003', contentType)).status).toBe(415);
    },
  );

  it('takes a write sent as JSON', async () => {
    expect((await send('POST', 'localhost:3003', 'application/json; charset=utf-8')).status).toBe(201);
  });

  it('forbids every other site to frame it', async () => {
    const answer = await send('GET', 'localhost:3003');
    expect(answer.headers['content-security-policy']).toBe("frame-ancestors 'none'");
    expect(answer.headers['x-frame-options']).toBe('DENY');
  });
});
