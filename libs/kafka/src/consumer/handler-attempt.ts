import { setTimeout as delay } from 'node:timers/promises';
import { withTimeout } from '@orderflow/service';
import { HandlerTimeoutError } from '../errors/handler-timeout-error.ts';
import { isGroupRebalance } from './group-rebalance.ts';

export type AttemptOptions = {
  readonly timeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly heartbeat: () => Promise<void>;
  /** Names what is attempted in the timeout error, e.g. `orders[2]@41`. */
  readonly label: string;
};

/**
 * One handler attempt (a record or a batch), bounded in time, heartbeating while it runs.
 * `work` gets the attempt's signal, aborted with the timeout error when the runner gives up.
 */
export async function attemptWithTimeout<T>(
  work: (signal: AbortSignal) => Promise<T>,
  options: AttemptOptions,
): Promise<T> {
  // kafkajs heartbeats only between records and batches; a long handler would otherwise be
  // thrown out of the group after sessionTimeout. A failed heartbeat (a rebalance started) is
  // left to the commit after the handler, which then fails and hands the record to the new owner.
  const heartbeats = setInterval(() => options.heartbeat().catch(() => {}), options.heartbeatIntervalMs);
  try {
    return await withTimeout(work, options.timeoutMs, () => new HandlerTimeoutError(options.timeoutMs, options.label));
  } finally {
    clearInterval(heartbeats);
  }
}

/**
 * Waits between attempts, telling the group now and then that this member is still alive.
 * Throws when a heartbeat says the group is rebalancing: the wait ends there and the
 * partitions are given up (see group-rebalance.ts). Any other failed heartbeat (a broker
 * that does not answer) is kafkajs's to retry: the wait goes on.
 */
export async function pauseWithHeartbeats(delayMs: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + delayMs;
  while (Date.now() < until) {
    await delay(Math.min(1_000, until - Date.now()));
    await heartbeat().catch((error: unknown) => {
      if (isGroupRebalance(error)) throw error;
    });
  }
}
