import type pg from 'pg';

/**
 * `pool.connect()`, with an `error` listener for as long as the client is checked out.
 *
 * pg-pool listens for `error` only on idle clients. A connection that ends while its client is
 * checked out (a PostgreSQL restart or failover, `pg_terminate_backend`, the server ending an
 * idle transaction) makes pg emit `error` on the client, and with nobody listening Node ends
 * the process. Here the error is kept instead: the client's next query fails anyway, which the
 * caller handles like any failed query, and release() destroys the connection rather than
 * giving a broken one back to the pool. `onLost` hears of it at once (the relay's leader
 * session uses that to step down).
 */
export async function checkOutClient(pool: pg.Pool, onLost?: (error: Error) => void): Promise<pg.PoolClient> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const listener = (error: Error) => {
    lost ??= error;
    onLost?.(error);
  };
  client.on('error', listener);
  // pool.connect() gives every checkout its own release(), so wrapping it here is per checkout.
  const release = client.release.bind(client);
  client.release = (error?: Error | boolean) => {
    client.removeListener('error', listener);
    release(error ?? lost);
  };
  return client;
}
