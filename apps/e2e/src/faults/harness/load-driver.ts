import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';

/**
 * How a request ended for the client. `acknowledged`: 2xx, the order exists and must never be
 * lost. `refused`: 4xx, nothing may exist for it. `failed`: 5xx, a timeout or no connection:
 * the client cannot know, so it may exist at most once.
 */
export type RequestOutcome = 'acknowledged' | 'refused' | 'failed';

export type SentRequest = {
  /** Unique per request: how the checker finds what a request left behind. */
  readonly customerId: string;
  readonly outcome: RequestOutcome;
  readonly status?: number;
  readonly orderId?: string;
  /** Sent with an invalid body on purpose. */
  readonly invalid: boolean;
  /** How often the service answered 503 and the client sent the same request (same key) again. */
  readonly retriesAfter503: number;
  readonly error?: string;
};

export type LoadOptions = {
  readonly orderServiceUrl: () => string;
  readonly sku: string;
  readonly ratePerSecond?: number;
  readonly clients?: number;
  /** Every n-th request has an invalid body (quantity 0): it must get a 4xx and leave nothing. */
  readonly invalidEvery?: number;
  readonly requestTimeoutMs?: number;
};

export type Load = {
  /** Stops sending, waits for the requests in flight, returns every request's outcome. */
  stop(): Promise<SentRequest[]>;
  acknowledged(): number;
};

/**
 * Orders at a fixed rate from a pool of concurrent clients, through the REST API: the load a
 * fault is injected under. A tick every 1/rate s queues a request; an idle client takes it.
 * When the service hangs, requests queue up; the ones never sent when the load stops are
 * dropped (they were never sent, so they are not counted).
 */
export function startLoad(options: LoadOptions): Load {
  const { ratePerSecond = 20, clients = 8, invalidEvery = 10, requestTimeoutMs = 5_000 } = options;
  const maxRetriesAfter503 = 3;
  const results: SentRequest[] = [];
  let queued = 0;
  let sequence = 0;
  let running = true;
  const ticker = setInterval(() => (queued += 1), 1_000 / ratePerSecond);

  /** One order, sent as a careful client sends it: a 503 is retried with the same key after Retry-After. */
  async function send(invalid: boolean): Promise<SentRequest> {
    const customerId = randomUUID();
    const idempotencyKey = randomUUID();
    const body = { customerId, email: 'load@example.com', items: [{ sku: options.sku, quantity: invalid ? 0 : 1 }] };
    let retriesAfter503 = 0;
    try {
      for (;;) {
        const response = await fetch(`${options.orderServiceUrl()}/orders`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(requestTimeoutMs),
        });
        const answer = (await response.json().catch(() => ({}))) as { id?: string };
        if (response.status === 503 && retriesAfter503 < maxRetriesAfter503 && running) {
          retriesAfter503 += 1;
          await delay(Number(response.headers.get('retry-after') ?? 1) * 1_000);
          continue;
        }
        const sent = { customerId, status: response.status, invalid, retriesAfter503 };
        if (response.status >= 200 && response.status < 300)
          return { ...sent, outcome: 'acknowledged', orderId: String(answer.id) };
        return { ...sent, outcome: response.status < 500 ? 'refused' : 'failed' };
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { customerId, outcome: 'failed', invalid, retriesAfter503, error: message };
    }
  }

  async function client(): Promise<void> {
    while (running) {
      if (queued === 0) {
        await delay(5);
        continue;
      }
      queued -= 1;
      sequence += 1;
      results.push(await send(sequence % invalidEvery === 0));
    }
  }
  const clientsDone = Promise.all(Array.from({ length: clients }, client));

  return {
    async stop() {
      running = false;
      clearInterval(ticker);
      await clientsDone;
      return results;
    },
    acknowledged: () => results.filter((result) => result.outcome === 'acknowledged').length,
  };
}
