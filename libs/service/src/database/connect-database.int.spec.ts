import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger } from '../logger/create-logger.ts';
import { specDatabase } from '../spec-helpers/spec-database.ts';
import { connectDatabase } from './connect-database.ts';

const logger = createLogger({ serviceName: 'order-service', level: 'silent' });

describe('connectDatabase', () => {
  let root: string;
  let directory: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'orderflow-connect-'));
    await chmod(root, 0o755); // the embedded server may run as the `postgres` user
    directory = join(root, 'migrations');
    await mkdir(directory);
    await writeFile(join(directory, '001-create-orders.sql'), 'CREATE TABLE orders (id text PRIMARY KEY);');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('with DATABASE_URL, migrates that database and hands out a pool on it', async () => {
    const spec = await specDatabase();
    try {
      const database = await connectDatabase({
        serviceName: 'order-service',
        databaseUrl: spec.connectionString,
        migrationsDirectory: directory,
        logger,
      });
      await database.pool.query("INSERT INTO orders VALUES ('o-1')");
      await database.stop();

      expect((await spec.pool.query('SELECT id FROM orders')).rows).toEqual([{ id: 'o-1' }]);
    } finally {
      await spec.drop();
    }
  });

  it('without DATABASE_URL, starts an embedded server whose data survives a restart', async () => {
    const embeddedDataDir = join(root, 'pgdata');
    const first = await connectDatabase({
      serviceName: 'order-service',
      embeddedDataDir,
      migrationsDirectory: directory,
      logger,
    });
    await first.pool.query("INSERT INTO orders VALUES ('kept')");
    await first.stop();

    const second = await connectDatabase({
      serviceName: 'order-service',
      embeddedDataDir,
      migrationsDirectory: directory,
      logger,
    });
    try {
      expect(second.connectionString).toMatch(/\/order_service$/);
      expect((await second.pool.query('SELECT id FROM orders')).rows).toEqual([{ id: 'kept' }]);
    } finally {
      await second.stop();
    }
  }, 60_000);
});
