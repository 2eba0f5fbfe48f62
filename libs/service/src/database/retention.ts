import type pg from 'pg';
import type { Logger } from '../logger/create-logger.ts';

/** One table's rule: rows whose `timestampColumn` is older than `keepMs` go (NULL never does). */
export type RetentionRule = {
  /** For the log and the result: "sent outbox rows". */
  readonly name: string;
  readonly table: string;
  /** Indexed, or every run reads the whole table. */
  readonly timestampColumn: string;
  readonly keepMs: number;
};

export type RetentionJobOptions = {
  readonly pool: pg.Pool;
  readonly rules: readonly RetentionRule[];
  readonly logger?: Logger;
  /** How often the rules run. Default 10 minutes. */
  readonly intervalMs?: number;
  /** Rows per DELETE, so one run never holds many locks or one long transaction. Default 1,000. */
  readonly chunkSize?: number;
};

export const retentionJobDefaults = {
  intervalMs: 600_000,
  chunkSize: 1_000,
} as const satisfies Partial<RetentionJobOptions>;

export type RetentionJob = {
  start(): void;
  /** Ends the timer, and a run under way after its current chunk: a big first clean-up never holds up a stop. */
  stop(): Promise<void>;
  /** Applies every rule once; returns the rows deleted per rule name. */
  runOnce(): Promise<Record<string, number>>;
};

/**
 * Deletes what a table no longer needs, in small chunks, every intervalMs. Safe on every
 * instance of a service at once: SKIP LOCKED lets two runs share the work instead of waiting
 * on each other. A failed run (the database away) is logged and tried again next interval.
 */
export function createRetentionJob(options: RetentionJobOptions): RetentionJob {
  const intervalMs = options.intervalMs ?? retentionJobDefaults.intervalMs;
  const chunkSize = options.chunkSize ?? retentionJobDefaults.chunkSize;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopping = false;

  async function applyRule(rule: RetentionRule): Promise<number> {
    let deleted = 0;
    for (;;) {
      const { rowCount } = await options.pool.query(
        `DELETE FROM ${rule.table} WHERE ctid IN (
           SELECT ctid FROM ${rule.table}
            WHERE ${rule.timestampColumn} < now() - make_interval(secs => $1::double precision / 1000)
            LIMIT $2 FOR UPDATE SKIP LOCKED)`,
        [rule.keepMs, chunkSize],
      );
      deleted += rowCount ?? 0;
      if ((rowCount ?? 0) < chunkSize || stopping) return deleted;
    }
  }

  async function applyRules(): Promise<Record<string, number>> {
    const deleted: Record<string, number> = {};
    for (const rule of options.rules) if (!stopping) deleted[rule.name] = await applyRule(rule);
    const total = Object.values(deleted).reduce((sum, count) => sum + count, 0);
    if (total > 0) options.logger?.info({ deleted }, `retention: deleted ${total} expired rows`);
    return deleted;
  }

  /** A run that stop() can wait for. */
  function runOnce(): Promise<Record<string, number>> {
    const run = applyRules();
    running = run.catch(() => undefined);
    return run;
  }

  return {
    runOnce,
    start() {
      if (timer) return;
      timer = setInterval(() => {
        runOnce().catch((error: unknown) =>
          options.logger?.warn({ err: error }, 'retention run failed; trying again next interval'),
        );
      }, intervalMs);
      // A pending clean-up never keeps the process alive.
      timer.unref();
    },
    async stop() {
      clearInterval(timer);
      timer = undefined;
      stopping = true;
      try {
        await running;
      } finally {
        stopping = false;
      }
    },
  };
}
