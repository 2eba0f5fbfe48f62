import { join } from 'node:path';
import { HttpError } from '@orderflow/service';
import express, { Router } from 'express';
import type { ConsoleModel } from '../console-model.ts';
import { browserGuards } from './browser-guards.ts';
import type { EventStream } from './event-stream.ts';

/** The page: index.html, its stylesheet and its script modules, served as they are. */
export const webDirectory = join(import.meta.dirname, '..', 'web');

export type ConsoleRoutesOptions = {
  readonly model: ConsoleModel;
  readonly stream: EventStream;
  /** Where "place an order" sends the order. */
  readonly orderServiceUrl: string | undefined;
  /** Host names, besides loopback, that browsers reach the console by (CONSOLE_ALLOWED_HOSTS). */
  readonly allowedHosts?: readonly string[];
};

/**
 * The console's routes: the page, its live view (SSE), a key's records, an order's saga, and
 * the one write it allows, placing an order through order-service (the console itself never
 * writes to Kafka).
 */
export function consoleRoutes({ model, stream, orderServiceUrl, allowedHosts }: ConsoleRoutesOptions): Router {
  const routes = Router();
  routes.use(browserGuards(allowedHosts));
  routes.use(express.static(webDirectory, { index: 'index.html', maxAge: 0 }));

  routes.get('/api/view', (_request, response) => {
    response.json(model.current() ?? {});
  });
  routes.get('/api/stream', (request, response) => {
    stream.open(request, response, model.current());
  });
  routes.get('/api/records', (request, response) => {
    const key = typeof request.query['key'] === 'string' ? request.query['key'].trim() : '';
    if (key === '') throw new HttpError(400, 'Give a key: /api/records?key=<order id>.', { code: 'MISSING_KEY' });
    response.json({ key, records: model.withKey(key) });
  });
  routes.get('/api/orders/:orderId/saga', (request, response) => {
    response.json(model.saga(request.params.orderId));
  });
  routes.post('/api/orders', async (request, response) => {
    if (!orderServiceUrl)
      throw new HttpError(
        503,
        'No order-service in CONSOLE_SERVICES: the console does not know where to place orders.',
        { code: 'NO_ORDER_SERVICE' },
      );
    const idempotencyKey = request.get('Idempotency-Key');
    const answer = await fetch(`${orderServiceUrl}/orders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}) },
      body: JSON.stringify(request.body ?? {}),
      signal: AbortSignal.timeout(10_000),
    }).catch((error: unknown) => {
      throw new HttpError(
        502,
        `order-service at ${orderServiceUrl} did not answer: ${error instanceof Error ? error.message : String(error)}`,
        { code: 'ORDER_SERVICE_UNREACHABLE' },
      );
    });
    // order-service's answer as it is: the order (201), or its problem+json explaining bad input.
    response
      .status(answer.status)
      .type(answer.headers.get('content-type') ?? 'application/json')
      .send(await answer.text());
  });
  return routes;
}
