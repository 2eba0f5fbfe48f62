import { specDatabase } from '../spec-helpers/spec-database.ts';
import { checkOutClient } from './check-out-client.ts';
import { createPool } from './create-pool.ts';

describe('createPool', () => {
  let database: Awaited<ReturnType<typeof specDatabase>>;
  beforeAll(async () => {
    database = await specDatabase();
  });
  afterAll(() => database.drop());

  it('names the service as application_name, so the server shows who holds a connection', async () => {
    const pool = createPool({ connectionString: database.connectionString, applicationName: 'order-service' });
    try {
      const { rows } = await pool.query<{ name: string }>("SELECT current_setting('application_name') AS name");
      expect(rows).toEqual([{ name: 'order-service' }]);
    } finally {
      await pool.end();
    }
  });

  it('cancels a statement that runs longer than the statement timeout', async () => {
    const pool = createPool({
      connectionString: database.connectionString,
      applicationName: 'order-service',
      statementTimeoutMs: 100,
      idleInTransactionTimeoutMs: 50,
    });
    try {
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await pool.end();
    }
  });

  it('ends a session left idle inside a transaction, so the locks it held are free again', async () => {
    await database.pool.query('CREATE TABLE stock (sku text PRIMARY KEY, available int NOT NULL)');
    await database.pool.query("INSERT INTO stock VALUES ('SKU-1', 5)");
    const frozen = createPool({
      connectionString: database.connectionString,
      applicationName: 'frozen',
      idleInTransactionTimeoutMs: 300,
    });
    const other = createPool({
      connectionString: database.connectionString,
      applicationName: 'other',
      statementTimeoutMs: 5_000,
      idleInTransactionTimeoutMs: 1_000,
    });
    try {
      // An instance that took a row lock and then stopped (SIGSTOP, a VM pause): it sends nothing more.
      const client = await checkOutClient(frozen);
      await client.query('BEGIN');
      await client.query("SELECT * FROM stock WHERE sku = 'SKU-1' FOR UPDATE");

      const updated = await other.query("UPDATE stock SET available = available - 1 WHERE sku = 'SKU-1'");

      expect(updated.rowCount).toBe(1);
      await expect(client.query('COMMIT')).rejects.toThrow();
      client.release();
    } finally {
      await Promise.all([frozen.end(), other.end()]);
    }
  });

  it('asks the server to probe an idle client connection after 10 s, so a dead client cannot hold a session lock for hours', async () => {
    const pool = createPool({ connectionString: database.connectionString, applicationName: 'order-service' });
    try {
      const { rows } = await pool.query<{ idle: string }>("SELECT current_setting('tcp_keepalives_idle') AS idle");
      expect(rows).toEqual([{ idle: '10' }]);
    } finally {
      await pool.end();
    }
  });
});
