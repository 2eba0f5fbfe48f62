import { createRequire } from 'node:module';

/**
 * A fix for kafkajs 2.2.4 (tulios/kafkajs#1704, #1751): after its first answer, every broker
 * connection checks its queue of waiting requests again and again, 1 ms apart, forever, even
 * with nothing waiting. With about a dozen connections per service that is some 10,000
 * timer wake-ups a second in every process, and on Node 24 a `TimeoutNegativeWarning` at
 * start (the pause it asks for is "-1 minus now"). The loop does nothing: a request that has
 * to wait is queued by push(), which schedules its own check, and every answer checks the
 * queue too. So the check is scheduled only while a request waits, or a broker's throttle has
 * to run out, and never for an empty queue.
 *
 * The fix replaces one method of kafkajs's internal RequestQueue, and only in the version it
 * was written against: a later kafkajs is left as it is (and this fix's test says so).
 */
type RequestQueue = {
  pending: unknown[];
  throttledUntil: number;
  scheduleCheckPendingRequests(): void;
};

export const patchedKafkajsVersion = '2.2.4';

const require = createRequire(import.meta.url);
const { version } = require('kafkajs/package.json') as { version: string };

/** Whether this process runs kafkajs with the idle loop stopped. */
export const idleLoopStopped = version === patchedKafkajsVersion && stopIdleLoop();

function stopIdleLoop(): boolean {
  const { prototype } = require('kafkajs/src/network/requestQueue/index.js') as { prototype: RequestQueue };
  const scheduleCheck = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueue) {
    if (this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    scheduleCheck.call(this);
  };
  return true;
}
