import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

export type LoadResult = { readonly accepted: number; readonly failed: number; readonly seconds: number };

export type LoadOptions = {
  readonly url: string;
  readonly skus: readonly string[];
  readonly connections: number;
  readonly seconds: number;
  /** Requests per second over all connections; omitted: closed loop, as fast as answers come. */
  readonly ratePerSecond?: number;
};

/**
 * POST /orders with autocannon: every request a new order (its own customer and
 * Idempotency-Key), one item of one of the bench's products. Accepted = 2xx answers.
 */
export async function loadOrders(options: LoadOptions): Promise<LoadResult> {
  const started = performance.now();
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    ...(options.ratePerSecond === undefined ? {} : { overallRate: options.ratePerSecond }),
    requests: [
      {
        method: 'POST',
        path: '/orders',
        setupRequest: (request) => ({
          ...request,
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
          body: JSON.stringify({
            customerId: randomUUID(),
            email: 'bench@example.com',
            items: [{ sku: options.skus[Math.floor(Math.random() * options.skus.length)], quantity: 1 }],
          }),
        }),
      },
    ],
  });
  return {
    accepted: result['2xx'],
    failed: result.non2xx + result.errors,
    seconds: (performance.now() - started) / 1000,
  };
}

/**
 * Enough connections that a fixed rate is not held back by answers in flight. autocannon
 * waits for each answer before a connection sends again, so n connections at a total rate r
 * keep the rate only while answers take less than n / r seconds. One connection per 5 orders/s
 * tolerates 200 ms answers: a slower pipeline shows as PENDING orders, not as a load tool that
 * quietly sent fewer requests (with one per 25/s, a 40 ms hiccup cut the 100/s step short).
 */
export const connectionsFor = (ratePerSecond: number) => Math.min(256, Math.max(4, Math.ceil(ratePerSecond / 5)));
