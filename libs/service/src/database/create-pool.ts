import pg from 'pg';
import type { Logger } from '../logger/create-logger.ts';

export interface PoolOptions {
  readonly connectionString: string;
  /** Shown in `pg_stat_activity.application_name`, so a DBA sees which service holds a connection. */
  readonly applicationName: string;
  /** Connections per service instance; PostgreSQL's default limit is 100 for all clients together. */
  readonly max?: number;
  /** A query running longer than this is cancelled by the server: a stuck query fails instead of hanging. */
  readonly statementTimeoutMs?: number;
  /** How long to wait for a free connection (or a new one) before failing. */
  readonly connectionTimeoutMs?: number;
  readonly logger?: Logger;
}

/**
 * A `pg.Pool` for one service. End it with `pool.end()` on shutdown, or the process will not exit.
 */
export function createPool(options: PoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    max: options.max ?? 10,
    statement_timeout: options.statementTimeoutMs ?? 10_000,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection can break (server restart, network). Without a listener, pg's 'error'
  // event would crash the process; the pool drops that connection and opens a new one later.
  pool.on('error', (error) => {
    options.logger?.warn({ err: error }, 'idle PostgreSQL connection failed; the pool replaces it');
  });
  return pool;
}
