import pg from 'pg';

/**
 * One connection outside any pool (an admin statement, a test's or a checker's own session),
 * connected, with an `error` listener. pg emits `error` on a client whose connection ends
 * while it is idle (a restart, `pg_terminate_backend`); with nobody listening, Node ends the
 * process. The listener keeps nothing: the client's next query fails with the same cause,
 * and the caller handles that as any failed query.
 */
export async function connectClient(connectionString: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString });
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** `work` on a connection of its own, ended afterwards whatever happened. */
export async function withClient<T>(connectionString: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = await connectClient(connectionString);
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One statement on a connection of its own: its rows. */
export function queryOnce<Row extends pg.QueryResultRow>(
  connectionString: string,
  sql: string,
  values: unknown[] = [],
): Promise<Row[]> {
  return withClient(connectionString, async (client) => (await client.query<Row>(sql, values)).rows);
}
