import pg from 'pg';
import { z } from 'zod';
import { settingsOf } from '../config/settings.ts';
import type { Logger } from '../logger/create-logger.ts';

export interface PoolOptions {
  readonly connectionString: string;
  /** Shown in `pg_stat_activity.application_name`, so a DBA sees which service holds a connection. */
  readonly applicationName: string;
  /** Connections per service instance; PostgreSQL's default limit is 100 for all clients together. */
  readonly max?: number;
  /** A query running longer than this is cancelled by the server: a stuck query fails instead of hanging. */
  readonly statementTimeoutMs?: number;
  /**
   * The server ends a session that sits inside a transaction doing nothing for this long, and
   * so frees its row locks. Kept below statementTimeoutMs, so a session waiting on those locks
   * gets them before its own statement times out.
   */
  readonly idleInTransactionTimeoutMs?: number;
  /** Seconds without traffic before the server probes the client's TCP connection (then every 5 s, 3 times). */
  readonly serverKeepaliveIdleSeconds?: number;
  /** How long to wait for a free connection (or a new one) before failing. */
  readonly connectionTimeoutMs?: number;
  readonly logger?: Logger;
}

/** After the idle time, the server probes a silent client this often, and gives up after this many. */
export const serverKeepaliveProbes = { intervalSeconds: 5, count: 3 } as const;

export const poolDefaults = {
  max: 10,
  statementTimeoutMs: 10_000,
  idleInTransactionTimeoutMs: 5_000,
  serverKeepaliveIdleSeconds: 10,
  connectionTimeoutMs: 5_000,
} as const satisfies Partial<PoolOptions>;

const positive = z.number().int().positive();
const poolSettings = z
  .object({
    max: positive,
    statementTimeoutMs: positive,
    idleInTransactionTimeoutMs: positive,
    serverKeepaliveIdleSeconds: positive,
    connectionTimeoutMs: positive,
  })
  .refine((settings) => settings.idleInTransactionTimeoutMs < settings.statementTimeoutMs, {
    path: ['idleInTransactionTimeoutMs'],
    message: 'must be below statementTimeoutMs, so a session waiting on a frozen one gets its locks first',
  });

/**
 * A `pg.Pool` for one service. End it with `pool.end()` on shutdown, or the process will not exit.
 *
 * How long can a session that no longer works hold what it took?
 * - Frozen inside a transaction (SIGSTOP, a VM pause, a long GC), its row locks and uncommitted
 *   inbox row block whoever takes over its work: idle_in_transaction_session_timeout ends it
 *   after idleInTransactionTimeoutMs. (A frozen process's kernel still answers TCP, so
 *   keepalive cannot tell it from a live one.)
 * - Gone with its host or network, outside a transaction, it can still hold a session lock, such
 *   as the outbox relay's leader lock: the server's TCP keepalive drops it after
 *   serverKeepaliveIdleSeconds + 3 probes 5 s apart (25 s by default), instead of the OS's 2 hours.
 * - The client side: TCP keepalive on the client's sockets too, so a query towards a dead server
 *   fails instead of waiting forever.
 */
export function createPool(options: PoolOptions): pg.Pool {
  const settings = settingsOf('PostgreSQL pool', poolSettings, poolDefaults, options);
  const keepaliveIdle = settings.serverKeepaliveIdleSeconds;
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    application_name: options.applicationName,
    max: settings.max,
    statement_timeout: settings.statementTimeoutMs,
    idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs,
    // Session settings sent with the startup message: the server's keepalive towards this client.
    options: `-c tcp_keepalives_idle=${keepaliveIdle} -c tcp_keepalives_interval=${serverKeepaliveProbes.intervalSeconds} -c tcp_keepalives_count=${serverKeepaliveProbes.count}`,
    keepAlive: true,
    keepAliveInitialDelayMillis: 10_000,
    connectionTimeoutMillis: settings.connectionTimeoutMs,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection can break (server restart, network). Without a listener, pg's 'error'
  // event would crash the process; the pool drops that connection and opens a new one later.
  // (A checked-out client needs its own listener: see check-out-client.ts.)
  pool.on('error', (error) => {
    options.logger?.warn({ err: error }, 'idle PostgreSQL connection failed; the pool replaces it');
  });
  return pool;
}
