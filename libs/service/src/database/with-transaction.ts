import type pg from 'pg';

/**
 * Runs `work` inside one transaction on one pooled connection: COMMIT when it resolves,
 * ROLLBACK when it throws (and the error is rethrown). The connection always goes back to the
 * pool; one whose ROLLBACK failed is destroyed instead, since its state is unknown.
 *
 * Use `client` (not the pool) for every statement that belongs to the transaction.
 */
export async function withTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
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
    throw error;
  } finally {
    client.release(broken);
  }
}
