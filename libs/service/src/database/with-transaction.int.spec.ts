import type pg from 'pg';
import { UnavailableError } from '../errors/domain-errors.ts';
import { specDatabase, terminateBackend } from '../spec-helpers/spec-database.ts';
import { withTransaction } from './with-transaction.ts';

describe('withTransaction', () => {
  let database: Awaited<ReturnType<typeof specDatabase>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await specDatabase();
    pool = database.pool;
    await pool.query('CREATE TABLE orders (id text PRIMARY KEY)');
    await pool.query('CREATE TABLE outbox (order_id text NOT NULL)');
  });
  afterAll(() => database.drop());

  const count = async (table: string) =>
    Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);

  it('commits every statement of the work and returns its result', async () => {
    const result = await withTransaction(pool, async (client) => {
      await client.query("INSERT INTO orders VALUES ('committed')");
      await client.query("INSERT INTO outbox VALUES ('committed')");
      return 'done';
    });

    expect(result).toBe('done');
    expect((await pool.query("SELECT 1 FROM outbox WHERE order_id = 'committed'")).rowCount).toBe(1);
  });

  it('when the work throws, leaves nothing behind and rethrows the error', async () => {
    const ordersBefore = await count('orders');
    const outboxBefore = await count('outbox');

    await expect(
      withTransaction(pool, async (client) => {
        await client.query("INSERT INTO orders VALUES ('rolled-back')");
        await client.query("INSERT INTO outbox VALUES ('rolled-back')");
        throw new Error('use case failed');
      }),
    ).rejects.toThrow('use case failed');

    expect(await count('orders')).toBe(ordersBefore);
    expect(await count('outbox')).toBe(outboxBefore);
  });

  it('when a statement fails, rolls back the statements before it', async () => {
    await expect(
      withTransaction(pool, async (client) => {
        await client.query("INSERT INTO orders VALUES ('duplicate')");
        await client.query("INSERT INTO orders VALUES ('duplicate')");
      }),
    ).rejects.toThrow(/duplicate key/);

    expect((await pool.query("SELECT 1 FROM orders WHERE id = 'duplicate'")).rowCount).toBe(0);
  });

  it('gives every connection back to the pool, also after failures', async () => {
    await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) =>
        withTransaction(pool, async (client) => {
          await client.query('SELECT 1');
          if (i % 2) throw new Error('odd');
        }),
      ),
    );

    expect(pool.totalCount - pool.idleCount).toBe(0);
    expect(pool.waitingCount).toBe(0);
  });

  it('when the connection drops mid-transaction, fails with an UnavailableError (503) and the process and pool live on', async () => {
    const cut = withTransaction(pool, async (client) => {
      await client.query("INSERT INTO orders VALUES ('cut')");
      const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const ended = new Promise((resolve) => client.once('end', resolve));
      await terminateBackend(pool, rows[0]?.pid ?? 0);
      // By now pg has emitted 'error' on the checked-out client: unheard, it would end the process.
      await ended;
      await client.query("INSERT INTO outbox VALUES ('cut')");
    });

    await expect(cut).rejects.toBeInstanceOf(UnavailableError);
    await expect(cut).rejects.toMatchObject({ code: 'DATABASE_UNAVAILABLE', retriable: true });
    expect((await pool.query("SELECT 1 FROM orders WHERE id = 'cut'")).rowCount).toBe(0);
    expect(pool.totalCount - pool.idleCount).toBe(0);
    await expect(
      withTransaction(pool, async (client) => (await client.query('SELECT 1 AS one')).rows[0]),
    ).resolves.toEqual({ one: 1 });
  });
});
