import { withTimeout } from '@orderflow/service';
import { DependencyHangsError } from '../errors/dependency-hangs-error.ts';
import { HandlerTimeoutError } from '../errors/handler-timeout-error.ts';

/** A cheap question to the dependency, e.g. `SELECT 1` on the pool (see databaseProbe). */
export type DependencyProbe = () => Promise<unknown>;

/**
 * A handler that timed out: is the record's work slow, or does the database hang? A database
 * that refuses fails fast and is recognised by its error (isDependencyUnavailable); one that
 * hangs (a frozen server, packets dropped on the way) gives no error at all, only the timeout.
 * So the runner asks it the cheapest question there is, on a connection of the same pool:
 * if `SELECT 1` does not answer within probeTimeoutMs either, the database hangs, and the
 * record waits like in any outage (a DependencyHangsError). If it answers, the database is
 * fine and this record's handler is slow: the timeout stays the record's failure, retried and
 * dead-lettered as before. (pg's client-side query_timeout would not tell the two apart: a
 * slow statement and a hung server both just time out.)
 */
export async function diagnoseTimeout(
  error: unknown,
  probe: DependencyProbe | undefined,
  probeTimeoutMs: number,
): Promise<unknown> {
  if (!(error instanceof HandlerTimeoutError) || probe === undefined) return error;
  try {
    await withTimeout(probe(), probeTimeoutMs, () => new Error(`no answer within ${probeTimeoutMs} ms`));
    return error;
  } catch (probeFailure) {
    return new DependencyHangsError(error, probeFailure);
  }
}

/** The probe of a service's database: one `SELECT 1` on its pool. */
export const databaseProbe =
  (pool: { query(text: string): Promise<unknown> }): DependencyProbe =>
  () =>
    pool.query('SELECT 1');
