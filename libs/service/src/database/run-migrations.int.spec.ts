import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import pg from 'pg';
import { specDatabase, terminateBackend } from '../spec-helpers/spec-database.ts';
import { createPool } from './create-pool.ts';
import { MigrationError, noTransactionMarker, runMigrations } from './run-migrations.ts';

describe('runMigrations', () => {
  let database: Awaited<ReturnType<typeof specDatabase>>;
  let directory: string;

  beforeEach(async () => {
    database = await specDatabase();
    directory = await mkdtemp(join(tmpdir(), 'orderflow-migrations-'));
  });
  afterEach(async () => {
    await database.drop();
    await rm(directory, { recursive: true, force: true });
  });

  async function migrationFiles(files: Record<string, string>): Promise<void> {
    for (const [name, sql] of Object.entries(files)) await writeFile(join(directory, name), sql);
  }

  const appliedNames = async () =>
    (
      await database.pool.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY applied_at, name')
    ).rows.map((row) => row.name);

  /** Runs the migrations from `count` instances at once, a pool each, as separate processes would. */
  async function migrateFromInstances(count: number): Promise<string[]> {
    const instances = Array.from({ length: count }, () => new pg.Pool({ connectionString: database.connectionString }));
    try {
      const results = await Promise.all(instances.map((pool) => runMigrations({ pool, directory })));
      return results.flat().sort();
    } finally {
      await Promise.all(instances.map((pool) => pool.end()));
    }
  }

  /** A table, then an index on it built CONCURRENTLY by a no-transaction file. */
  const concurrentIndexFiles = () =>
    migrationFiles({
      '001-create-orders.sql': 'CREATE TABLE orders (id text PRIMARY KEY, created_at timestamptz);',
      '002-index.sql': [
        noTransactionMarker,
        '-- An interrupted build leaves an INVALID index: dropped first.',
        'DROP INDEX CONCURRENTLY IF EXISTS orders_created_at;',
        'CREATE INDEX CONCURRENTLY orders_created_at ON orders (created_at);',
      ].join('\n'),
    });

  it('applies the .sql files in file-name order, and records each', async () => {
    // 002 needs the table of 001: in any other order it fails.
    await migrationFiles({
      '002-add-status.sql': 'ALTER TABLE orders ADD COLUMN status text;',
      '001-create-orders.sql': 'CREATE TABLE orders (id text PRIMARY KEY);\nCREATE INDEX ON orders (id);',
      'README.md': 'not a migration',
    });

    const applied = await runMigrations({ pool: database.pool, directory });

    expect(applied).toEqual(['001-create-orders.sql', '002-add-status.sql']);
    expect(await appliedNames()).toEqual(['001-create-orders.sql', '002-add-status.sql']);
    await database.pool.query("INSERT INTO orders (id, status) VALUES ('o-1', 'PENDING')");
  });

  it('applies only new files on the next start', async () => {
    await migrationFiles({
      '001-create-orders.sql': 'CREATE TABLE orders (id text PRIMARY KEY);',
    });
    await runMigrations({ pool: database.pool, directory });
    await migrationFiles({
      '002-create-outbox.sql': 'CREATE TABLE outbox (id bigserial PRIMARY KEY);',
    });

    const again = await runMigrations({ pool: database.pool, directory });

    expect(again).toEqual(['002-create-outbox.sql']);
    expect(await runMigrations({ pool: database.pool, directory })).toEqual([]);
  });

  it('when several instances start together, each file runs exactly once', async () => {
    // A file that fails when run twice, and is slow enough that the runners overlap.
    await migrationFiles({
      '001-create-orders.sql': 'SELECT pg_sleep(0.3); CREATE TABLE orders (id text PRIMARY KEY);',
      '002-seed.sql': "INSERT INTO orders VALUES ('seed');",
    });
    expect(await migrateFromInstances(3)).toEqual(['001-create-orders.sql', '002-seed.sql']);
    expect(await appliedNames()).toEqual(['001-create-orders.sql', '002-seed.sql']);
    expect((await database.pool.query('SELECT id FROM orders')).rows).toEqual([{ id: 'seed' }]);
  });

  it('when a file fails, applies nothing of it, names it, and keeps the files before it', async () => {
    await migrationFiles({
      '001-create-orders.sql': 'CREATE TABLE orders (id text PRIMARY KEY);',
      '002-broken.sql': 'CREATE TABLE half_done (id int); SELECT * FROM no_such_table;',
    });

    const failure = runMigrations({ pool: database.pool, directory });

    await expect(failure).rejects.toBeInstanceOf(MigrationError);
    await expect(failure).rejects.toMatchObject({
      migration: '002-broken.sql',
      code: 'migration-failed',
      retriable: false,
    });
    expect(await appliedNames()).toEqual(['001-create-orders.sql']);
    const { rows } = await database.pool.query("SELECT to_regclass('half_done') AS half_done");
    expect(rows).toEqual([{ half_done: null }]);
  });

  it('when its connection drops during a migration, fails, applies nothing, and the process and pool live on', async () => {
    await migrationFiles({
      '001-slow.sql': 'CREATE TABLE slow (id int); SELECT pg_sleep(30);',
    });
    const migrating = runMigrations({ pool: database.pool, directory });
    migrating.catch(() => {});
    let pid: number | undefined;
    while (pid === undefined) {
      const { rows } = await database.pool.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE query LIKE 'CREATE TABLE slow%'",
      );
      pid = rows[0]?.pid;
      if (pid === undefined) await delay(10); // poll, not a busy loop
    }
    await terminateBackend(database.pool, pid);

    await expect(migrating).rejects.toThrow();
    await migrationFiles({ '001-slow.sql': 'CREATE TABLE slow (id int);' });
    expect(await runMigrations({ pool: database.pool, directory })).toEqual(['001-slow.sql']);
    expect(database.pool.totalCount - database.pool.idleCount).toBe(0);
  });

  describe("outside the pool's request timeouts", () => {
    // A pool as a service has one, with a short statement timeout: a request must not wait long.
    const servicePool = () =>
      createPool({
        connectionString: database.connectionString,
        applicationName: 'migrations-spec',
        statementTimeoutMs: 300,
        idleInTransactionTimeoutMs: 100,
      });

    it('completes a migration that takes longer than the statement timeout, and restores the timeout after', async () => {
      await migrationFiles({
        '001-slow.sql': 'SELECT pg_sleep(1); CREATE TABLE orders (id text PRIMARY KEY);',
      });
      const pool = servicePool();
      try {
        expect(await runMigrations({ pool, directory })).toEqual(['001-slow.sql']);
        const { rows } = await pool.query<{ statement_timeout: string }>('SHOW statement_timeout');
        expect(rows[0]?.statement_timeout).toBe('300ms');
      } finally {
        await pool.end();
      }
    });

    it('waits for the migration lock that another instance holds longer than the statement timeout', async () => {
      await migrationFiles({
        '001-create-orders.sql': 'CREATE TABLE orders (id text PRIMARY KEY);',
      });
      const other = await database.pool.connect();
      await other.query("SELECT pg_advisory_lock(hashtext('orderflow:schema_migrations'))");
      const pool = servicePool();
      try {
        const migrating = runMigrations({ pool, directory });
        await delay(1_000);
        await other.query("SELECT pg_advisory_unlock(hashtext('orderflow:schema_migrations'))");

        expect(await migrating).toEqual(['001-create-orders.sql']);
      } finally {
        other.release();
        await pool.end();
      }
    });
  });

  it('runs a file marked no-transaction statement by statement: an index built CONCURRENTLY', async () => {
    await concurrentIndexFiles();

    expect(await runMigrations({ pool: database.pool, directory })).toEqual(['001-create-orders.sql', '002-index.sql']);
    const { rows } = await database.pool.query<{ valid: boolean }>(
      "SELECT indisvalid AS valid FROM pg_index WHERE indexrelid = 'orders_created_at'::regclass",
    );
    expect(rows).toEqual([{ valid: true }]);
  });

  it('builds an index CONCURRENTLY while another instance waits for the migration lock', async () => {
    // The waiting instance must hold no snapshot, or the concurrent build waits for it while it
    // waits for the lock: a deadlock PostgreSQL ends by failing one of them.
    await concurrentIndexFiles();

    expect(await migrateFromInstances(2)).toEqual(['001-create-orders.sql', '002-index.sql']);
  });
});
