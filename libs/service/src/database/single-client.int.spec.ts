import { specDatabase } from '../spec-helpers/spec-database.ts';
import { connectClient } from './single-client.ts';

describe('a connection of its own', () => {
  let database: Awaited<ReturnType<typeof specDatabase>>;
  beforeAll(async () => {
    database = await specDatabase();
  });
  afterAll(() => database.drop());

  it('outlives the server ending its idle session: the process goes on, the next query fails', async () => {
    const client = await connectClient(database.connectionString);
    const ended = new Promise((resolve) => client.once('end', resolve));
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');

    // What a restart or a failover does to an idle session.
    await database.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);
    await ended;

    await expect(client.query('SELECT 1')).rejects.toThrow();
  });
});
