import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from '../database/database-admin.ts';

/**
 * A fresh database for one suite on the run's test server (started by libs/testing's jest
 * globalSetup; see jest.config.ts). libs/testing's testDatabase() does the same for every
 * other project; this library cannot import it, since libs/testing depends on this one.
 */
export async function specDatabase(): Promise<{ pool: pg.Pool; connectionString: string; drop(): Promise<void> }> {
  const serverUrl = process.env['ORDERFLOW_TEST_DATABASE_URL'] ?? process.env['DATABASE_URL'];
  if (!serverUrl)
    throw new Error('ORDERFLOW_TEST_DATABASE_URL is not set: is globalSetup missing from jest.config.ts?');
  const name = `service_spec_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const connectionString = await createDatabase(serverUrl, name);
  const pool = new pg.Pool({ connectionString, max: 5 });
  // jest runs the files in band, in the process whose globalTeardown then stops the server:
  // an idle connection of a pool left open fails then, and without a listener its 'error'
  // would fail a run whose tests all passed. Said, not thrown (as createPool does for services).
  pool.on('error', (error) => console.warn(`An idle connection of test database ${name} failed: ${error.message}`));
  return {
    pool,
    connectionString,
    async drop() {
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

/** Ends a server session as a failover or an operator would (pg_terminate_backend), from another connection. */
export async function terminateBackend(pool: pg.Pool, pid: number): Promise<void> {
  const { rows } = await pool.query<{ ended: boolean }>('SELECT pg_terminate_backend($1) AS ended', [pid]);
  if (!rows[0]?.ended) throw new Error(`no server session ${pid} to terminate`);
}
