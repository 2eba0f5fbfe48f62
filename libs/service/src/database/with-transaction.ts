import type pg from 'pg';
import { checkOutClient } from './check-out-client.ts';
import { asDatabaseUnavailable } from './database-unavailable.ts';

/**
 * Runs `work` inside one transaction on one pooled connection: COMMIT when it resolves,
 * ROLLBACK when it throws (and the error is rethrown). The connection always goes back to the
 * pool; one whose ROLLBACK failed is destroyed instead, since its state is unknown.
 *
 * A failure of the database itself (see asDatabaseUnavailable) comes out as an UnavailableError
 * (HTTP 503, "try again"): the connection dropped, the server restarts, or a lock wait timed out.
 * The transaction did not happen, or, if the connection dropped during COMMIT, may have: a retry
 * must be safe either way (an Idempotency-Key, an inbox).
 *
 * Use `client` (not the pool) for every statement that belongs to the transaction.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await checkOutClient(pool).catch((error: unknown) => {
    throw asDatabaseUnavailable(error);
  });
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    try {
      await client.query('ROLLBACK');
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw asDatabaseUnavailable(error);
  } finally {
    client.release(broken);
  }
}
