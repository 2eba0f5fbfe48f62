import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { OrderflowError } from '@orderflow/events';
import type pg from 'pg';
import type { Logger } from '../logger/create-logger.ts';
import { checkOutClient } from './check-out-client.ts';

/** A migration file that PostgreSQL refused; nothing of that file was applied. */
export class MigrationError extends OrderflowError {
  readonly migration: string;

  constructor(migration: string, cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`Migration ${migration} failed: ${reason}`, {
      code: 'migration-failed',
      retriable: false,
      cause,
    });
    this.migration = migration;
  }
}

export interface MigrationOptions {
  readonly pool: pg.Pool;
  /** A directory of `.sql` files, applied in file-name order: `001-create-orders.sql`, `002-...`. */
  readonly directory: string;
  readonly logger?: Logger;
}

// Advisory locks are scoped to one database, so one fixed key serialises every runner of that
// database and never blocks another service's database.
const migrationLockKey = 'orderflow:schema_migrations';

/**
 * A file whose first line is this runs without a transaction, each statement on its own: for
 * `CREATE INDEX CONCURRENTLY`, which PostgreSQL refuses inside one. Such a file must be safe to
 * run again (a crash between its statements and its record runs it again); an interrupted
 * concurrent build leaves an INVALID index, so drop the index first, then build it.
 */
export const noTransactionMarker = '-- orderflow:no-transaction';

/**
 * Applies the `.sql` files of `directory` that `schema_migrations` does not list yet, each in
 * its own transaction together with its `schema_migrations` row: a file is applied completely
 * and recorded, or not at all (a file marked with `noTransactionMarker` excepted). Several
 * instances starting at once take turns on an advisory lock, so each file runs exactly once.
 * Returns the names applied by this call.
 *
 * The pool's request timeouts do not apply here: an index built on a big table, or a wait for
 * another instance's migrations, may take minutes, and failing it would stop the service from
 * starting at all. The session's settings are restored before the client goes back to the pool.
 */
export async function runMigrations({ pool, directory, logger }: MigrationOptions): Promise<string[]> {
  const files = (await readdir(directory)).filter((name) => name.endsWith('.sql')).sort();
  const client = await checkOutClient(pool);
  try {
    await client.query('SET statement_timeout = 0; SET lock_timeout = 0');
    // Session-level lock: held across the per-file transactions below, until unlocked.
    await takeMigrationLock(client);
    try {
      return await applyPending(client, directory, files, logger);
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [migrationLockKey]);
      await client.query('RESET statement_timeout; RESET lock_timeout');
    }
  } finally {
    client.release();
  }
}

async function applyPending(
  client: pg.PoolClient,
  directory: string,
  files: string[],
  logger: Logger | undefined,
): Promise<string[]> {
  await client.query(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      name text PRIMARY KEY,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
  const { rows } = await client.query<{ name: string }>('SELECT name FROM schema_migrations');
  const done = new Set(rows.map((row) => row.name));
  const applied: string[] = [];
  for (const file of files.filter((name) => !done.has(name))) {
    const sql = await readFile(join(directory, file), 'utf8');
    if (sql.startsWith(noTransactionMarker)) {
      await applyWithoutTransaction(client, file, sql);
      logger?.info({ migration: file }, 'migration applied');
      applied.push(file);
      continue;
    }
    try {
      await client.query('BEGIN');
      // No parameters: the simple query protocol, which runs a file of several statements.
      await client.query(sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new MigrationError(file, error);
    }
    logger?.info({ migration: file }, 'migration applied');
    applied.push(file);
  }
  return applied;
}

/** Each statement of the file on its own (split at a `;` that ends a line), then its record. */
async function applyWithoutTransaction(client: pg.PoolClient, file: string, sql: string): Promise<void> {
  const statements = sql
    .split(/;\s*$/m)
    .map((statement) => statement.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
  try {
    for (const statement of statements) await client.query(statement);
    await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
  } catch (error) {
    throw new MigrationError(file, error);
  }
}

/**
 * Waits for the migration lock by asking again every 200 ms, not with a blocking
 * pg_advisory_lock: a session blocked in a statement holds a snapshot, and CREATE INDEX
 * CONCURRENTLY in the instance that holds the lock waits for every such snapshot to end. The
 * two would wait for each other until PostgreSQL's deadlock detector killed one: a second
 * instance starting beside the first failed its migrations that way.
 */
async function takeMigrationLock(client: pg.PoolClient): Promise<void> {
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [
      migrationLockKey,
    ]);
    if (rows[0]?.locked) return;
    await delay(200);
  }
}
