import { specDatabase } from '../spec-helpers/spec-database.ts';
import { createRetentionJob } from './retention.ts';

describe('the retention job', () => {
  let database: Awaited<ReturnType<typeof specDatabase>>;
  beforeAll(async () => {
    database = await specDatabase();
    await database.pool.query('CREATE TABLE keys (name text PRIMARY KEY, used_at timestamptz)');
    await database.pool.query('CREATE TABLE backlog (id int PRIMARY KEY, used_at timestamptz)');
  });
  afterAll(() => database.drop());

  it('deletes the rows past their keep time, in chunks, and keeps newer rows and rows without a time', async () => {
    await database.pool.query(`
      INSERT INTO keys VALUES
        ('old-1', now() - interval '2 hours'), ('old-2', now() - interval '2 hours'), ('old-3', now() - interval '3 hours'),
        ('old-4', now() - interval '5 hours'), ('old-5', now() - interval '61 minutes'),
        ('new', now() - interval '59 minutes'), ('never', NULL)`);
    const job = createRetentionJob({
      pool: database.pool,
      rules: [{ name: 'old keys', table: 'keys', timestampColumn: 'used_at', keepMs: 60 * 60 * 1000 }],
      chunkSize: 2,
    });

    expect(await job.runOnce()).toEqual({ 'old keys': 5 });
    const { rows } = await database.pool.query<{ name: string }>('SELECT name FROM keys ORDER BY name');
    expect(rows.map((row) => row.name)).toEqual(['never', 'new']);
  });

  it('stops after the chunk it is deleting, leaving the rest of a big backlog to the next run', async () => {
    await database.pool.query(
      `INSERT INTO backlog SELECT n, now() - interval '2 hours' FROM generate_series(1, 5000) AS n`,
    );
    const job = createRetentionJob({
      pool: database.pool,
      rules: [{ name: 'backlog', table: 'backlog', timestampColumn: 'used_at', keepMs: 60 * 60 * 1000 }],
      chunkSize: 100,
    });

    const run = job.runOnce();
    await job.stop();

    expect(await run).toEqual({ backlog: 100 });
    expect(await job.runOnce()).toEqual({ backlog: 4_900 });
  });
});
