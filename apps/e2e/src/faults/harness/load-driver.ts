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
  const results: SentRequest[] = [];
  let queued = 0;
  let sequence = 0;
  let running = true;
  const ticker = setInterval(() => (queued += 1), 1_000 / ratePerSecond);

  async function send(invalid: boolean): Promise<SentRequest> {
    const customerId = randomUUID();
    const body = { customerId, email: 'load@example.com', items: [{ sku: options.sku, quantity: invalid ? 0 : 1 }] };
    try {
      const response = await fetch(`${options.orderServiceUrl()}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(requestTimeoutMs),
      });
      const answer = (await response.json().catch(() => ({}))) as { id?: string };
      if (response.status >= 200 && response.status < 300)
        return { customerId, outcome: 'acknowledged', status: response.status, orderId: String(answer.id), invalid };
      return { customerId, outcome: response.status < 500 ? 'refused' : 'failed', status: response.status, invalid };
    } catch (error) {
      return { customerId, outcome: 'failed', invalid, error: error instanceof Error ? error.message : String(error) };
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
