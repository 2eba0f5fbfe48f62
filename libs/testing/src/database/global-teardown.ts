/** jest `globalTeardown`: stops the embedded PostgreSQL of global-setup.ts (and deletes its data). */
import type { TestDatabaseGlobals } from './global-setup.ts';

export default async function globalTeardown(): Promise<void> {
  const globals = globalThis as TestDatabaseGlobals;
  await globals.orderflowTestPostgres?.stop();
  delete globals.orderflowTestPostgres;
}
