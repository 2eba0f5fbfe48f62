import { createDatabase, dropDatabase } from '@orderflow/service';
import pg from 'pg';
import { uniqueName } from '../unique-names.ts';

/** The environment variable through which global-setup.ts hands the server's URL to the tests. */
export const testDatabaseServerVariable = 'ORDERFLOW_TEST_DATABASE_URL';

export interface TestDatabase {
  readonly name: string;
  readonly connectionString: string;
  /** A pool on this database (connects on first use); `drop()` ends it. */
  readonly pool: pg.Pool;
  /** Ends the pool and drops the database. Call it in `afterAll`. */
  drop(): Promise<void>;
}

/**
 * A new, empty database for one test suite, on the run's shared PostgreSQL server: the one
 * DATABASE_URL names, or else the embedded server that global-setup.ts started for this jest
 * run. Databases never see each other, so suites need no cleanup between tests.
 */
export async function testDatabase(prefix = 'test'): Promise<TestDatabase> {
  const serverUrl = testDatabaseServerUrl();
  // Unquoted-identifier style (underscores), so the name is easy to type into psql.
  const name = uniqueName(prefix).replaceAll('-', '_').toLowerCase();
  const connectionString = await createDatabase(serverUrl, name);
  const pool = new pg.Pool({ connectionString, max: 5 });
  // jest runs the files in band, in the process whose globalTeardown then stops the server:
  // an idle connection of a pool left open fails then, and without a listener its 'error'
  // would fail a run whose tests all passed. Said, not thrown (as createPool does for services).
  pool.on('error', (error) => console.warn(`An idle connection of test database ${name} failed: ${error.message}`));
  return {
    name,
    connectionString,
    pool,
    async drop() {
      await pool.end();
      await dropDatabase(serverUrl, name);
    },
  };
}

function testDatabaseServerUrl(): string {
  const url = process.env[testDatabaseServerVariable] ?? process.env['DATABASE_URL'];
  if (!url) {
    throw new Error(
      `No test PostgreSQL server: ${testDatabaseServerVariable} is not set. Add to this project's jest.config.ts:\n` +
        "  globalSetup: '<rootDir>/../testing/src/database/global-setup.ts',\n" +
        "  globalTeardown: '<rootDir>/../testing/src/database/global-teardown.ts',\n" +
        'or set DATABASE_URL to a PostgreSQL server the tests may create databases on.',
    );
  }
  return url;
}
