/**
 * jest `globalSetup`: gives the run one PostgreSQL server for every suite's testDatabase().
 * With DATABASE_URL set, that server is used; otherwise an embedded one is started here (about
 * 1.5 s) and stopped by global-teardown.ts. Add both to a project's jest.config.ts:
 *
 *   globalSetup: '<rootDir>/../testing/src/database/global-setup.ts',
 *   globalTeardown: '<rootDir>/../testing/src/database/global-teardown.ts',
 */
import { startEmbeddedPostgres, type EmbeddedPostgres } from '@orderflow/service';
import { testDatabaseServerVariable } from './test-database.ts';

// jest runs globalSetup and globalTeardown in one process and shares globalThis between them.
export interface TestDatabaseGlobals {
  orderflowTestPostgres?: EmbeddedPostgres;
}

export default async function globalSetup(): Promise<void> {
  const external = process.env['DATABASE_URL'];
  if (external) {
    process.env[testDatabaseServerVariable] = external;
    return;
  }
  const server = await startEmbeddedPostgres();
  (globalThis as TestDatabaseGlobals).orderflowTestPostgres = server;
  // Test files run in processes (or sandboxes) created after this, which inherit process.env.
  process.env[testDatabaseServerVariable] = server.connectionString();
}
