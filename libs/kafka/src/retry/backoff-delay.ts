import { z } from 'zod';

/** A pause that doubles from `initialMs` with every step, up to `maxMs`. */
export type Backoff = { readonly initialMs: number; readonly maxMs: number };

/** A Backoff as settings check it: whole milliseconds, and a cap no lower than the start. */
export const backoffSchema = z
  .object({ initialMs: z.number().int().positive(), maxMs: z.number().int().positive() })
  .refine((backoff) => backoff.initialMs <= backoff.maxMs, { path: ['maxMs'], message: 'must be at least initialMs' });

/**
 * The one backoff rule of this library: the pause before try `step + 1`, after `step` failed
 * ones (1-based), doubling and capped. No jitter: each caller retries one thing of its own
 * (a record, a member, a connection), so there is no crowd of clients to spread out.
 */
export function backoffDelay({ initialMs, maxMs }: Backoff, step: number): number {
  // The exponent is capped too, so a long outage never overflows to Infinity.
  return Math.min(maxMs, initialMs * 2 ** Math.min(Math.max(step - 1, 0), 30));
}
