import type pg from 'pg';
import { specDatabase } from '../spec-helpers/spec-database.ts';
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
});
