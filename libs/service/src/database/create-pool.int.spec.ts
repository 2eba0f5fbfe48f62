import { specDatabase } from '../spec-helpers/spec-database.ts';
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
    });
    try {
      await expect(pool.query('SELECT pg_sleep(5)')).rejects.toThrow(/statement timeout/);
    } finally {
      await pool.end();
    }
  });
});
