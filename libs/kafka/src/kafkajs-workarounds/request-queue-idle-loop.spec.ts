import { createRequire } from 'node:module';
import { idleLoopStopped, patchedKafkajsVersion } from './request-queue-idle-loop.ts';

type Queue = {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  checkPendingRequests(): void;
  destroy(): void;
};
const require = createRequire(import.meta.url);
const RequestQueue = require('kafkajs/src/network/requestQueue/index.js') as new (options: object) => Queue;
const logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, namespace: () => logger };
const newQueue = () =>
  new RequestQueue({
    maxInFlightRequests: 1,
    requestTimeout: 30_000,
    enforceRequestTimeout: true,
    clientId: 'spec',
    broker: 'localhost:1',
    logger,
  });

describe("kafkajs's request queue (one per broker connection)", () => {
  it(`is the kafkajs version the fix was written for (${patchedKafkajsVersion}); on another, check whether it still loops`, () => {
    expect(idleLoopStopped).toBe(true);
  });

  it('schedules no check of an empty queue: no 1 ms loop, no negative timeout', () => {
    const queue = newQueue();
    // What kafkajs does after every answer from the broker.
    queue.checkPendingRequests();
    expect(queue.throttleCheckTimeoutId).toBeNull();
    queue.destroy();
  });

  it('still checks again while a request waits, or a broker throttle runs out', () => {
    const throttled = newQueue();
    throttled.throttledUntil = Date.now() + 1_000;
    throttled.checkPendingRequests();
    expect(throttled.throttleCheckTimeoutId).not.toBeNull();
    throttled.destroy();

    const waiting = newQueue();
    waiting.throttledUntil = Date.now() + 1_000;
    waiting.pending.push({});
    waiting.checkPendingRequests();
    expect(waiting.throttleCheckTimeoutId).not.toBeNull();
    waiting.destroy();
  });
});
