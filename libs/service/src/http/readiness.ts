import type pg from 'pg';
import { withTimeout } from '../timing/with-timeout.ts';

/** One dependency the service needs to do its work: resolves when reachable, throws when not. */
export interface ReadinessCheck {
  readonly name: string;
  check(): Promise<unknown>;
}

export interface CheckResult {
  readonly status: 'up' | 'down';
  readonly error?: string;
}

export interface ReadinessReport {
  readonly ready: boolean;
  readonly checks: Readonly<Record<string, CheckResult>>;
}

/** Runs every check at once; one that takes longer than `timeoutMs` counts as down. */
export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs = 2_000): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async ({ name, check }): Promise<[string, CheckResult]> => {
      try {
        await withTimeout(check(), timeoutMs, () => new Error(`no answer within ${timeoutMs} ms`));
        return [name, { status: 'up' }];
      } catch (error) {
        return [name, { status: 'down', error: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  return { ready: results.every(([, result]) => result.status === 'up'), checks: Object.fromEntries(results) };
}

/** Ready when the database answers a trivial query. */
export function databaseReadinessCheck(pool: pg.Pool): ReadinessCheck {
  return { name: 'database', check: () => pool.query('SELECT 1') };
}
