/**
 * jest `globalSetup`: gives the run one PostgreSQL server for every suite's testDatabase().
 * With DATABASE_URL set, that server is used; with ORDERFLOW_TEST_CLUSTER=testcontainers, a
 * PostgreSQL container is started (@testcontainers/postgresql, POSTGRES_IMAGE); otherwise an
 * embedded one (about 1.5 s). global-teardown.ts stops what was started. Add both to a
 * project's jest.config.ts:
 *
 *   globalSetup: '<rootDir>/../testing/src/database/global-setup.ts',
 *   globalTeardown: '<rootDir>/../testing/src/database/global-teardown.ts',
 */
import { startEmbeddedPostgres } from '@orderflow/service';
import { testClusterMode } from '../containers/test-run-variables.ts';
import { testDatabaseServerVariable } from './test-database.ts';

// jest runs globalSetup and globalTeardown in one process and shares globalThis between them.
export interface TestDatabaseGlobals {
  orderflowTestPostgres?: { stop(): Promise<void> };
}

export default async function globalSetup(): Promise<void> {
  const external = process.env['DATABASE_URL'];
  if (external) {
    process.env[testDatabaseServerVariable] = external;
    return;
  }
  const server =
    testClusterMode() === 'testcontainers'
      ? await (await import('../containers/postgres-container.ts')).startPostgresContainer()
      : await startEmbeddedPostgres();
  (globalThis as TestDatabaseGlobals).orderflowTestPostgres = server;
  // Test files run in processes (or sandboxes) created after this, which inherit process.env.
  process.env[testDatabaseServerVariable] = server.connectionString();
}
