import { backoffDelay, type Backoff } from '../retry/backoff-delay.ts';

/** How often, and how patiently, a failing handler is tried before its record is dead-lettered. */
export type RetryPolicy = {
  /** Tries in all, the first included. 1 = no retries. */
  readonly attempts: number;
  /** The pauses between them. */
  readonly backoff: Backoff;
};

/**
 * 5 tries over about 3 s (200, 400, 800, 1600 ms between them): long enough to ride out a
 * database failover or a lock timeout, short enough that one bad record holds its
 * partition up only briefly (the partition waits: later records of a key must not overtake).
 */
export const defaultRetryPolicy: RetryPolicy = { attempts: 5, backoff: { initialMs: 200, maxMs: 5_000 } };

/** The pause after failed attempt `attempt` (1-based): doubling, capped, no jitter needed per record. */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  return backoffDelay(policy.backoff, attempt);
}

/**
 * Can trying again help? Only the error's own `retriable` flag decides (OrderflowError has
 * one; so do kafkajs's errors). An error without the flag (a driver error, a bug) counts as
 * retriable: retries are bounded, so a bug costs a few seconds before it is dead-lettered,
 * while dead-lettering a passing failure (a dropped database connection) would need a
 * manual replay.
 */
export function isRetriable(error: unknown): boolean {
  if (typeof error === 'object' && error !== null && 'retriable' in error && typeof error.retriable === 'boolean') {
    return error.retriable;
  }
  return true;
}
