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
 *
 * The listener goes on inside pg-pool's callback, not after an `await`: pg-pool can hand a
 * client out from inside a read of its socket (a new connection's ReadyForQuery, or a client
 * handed on as a query callback releases it), and pg parses the rest of that read at once. An
 * ErrorResponse in it, a session terminated right after it started, would find no listener
 * yet if this waited for a promise continuation: the fault suite's scenario 14 saw that exit.
 */
export function checkOutClient(pool: pg.Pool, onLost?: (error: Error) => void): Promise<pg.PoolClient> {
  return new Promise((resolve, reject) => {
    pool.connect((error, client) => {
      if (error || !client) {
        reject(error ?? new Error('the pool handed out no client'));
        return;
      }
      let lost: Error | undefined;
      const listener = (connectionError: Error) => {
        lost ??= connectionError;
        onLost?.(connectionError);
      };
      client.on('error', listener);
      // pool.connect() gives every checkout its own release(), so wrapping it here is per checkout.
      const release = client.release.bind(client);
      client.release = (releaseError?: Error | boolean) => {
        client.removeListener('error', listener);
        release(releaseError ?? lost);
      };
      resolve(client);
    });
  });
}
