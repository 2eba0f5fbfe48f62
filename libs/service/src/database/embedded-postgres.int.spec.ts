import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres.ts';

async function query(connectionString: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('startEmbeddedPostgres', () => {
  it('with a data directory, keeps the data across a stop and a start on the same port', async () => {
    const parent = await mkdtemp(join(tmpdir(), 'orderflow-pg-spec-'));
    await chmod(parent, 0o755); // mkdtemp makes it private; the server may run as another user
    const dataDir = join(parent, 'data');
    try {
      const first = await startEmbeddedPostgres({ dataDir });
      const url = await first.createDatabase('orders');
      await query(url, "CREATE TABLE orders (id text); INSERT INTO orders VALUES ('kept')");
      await first.stop();

      const second = await startEmbeddedPostgres({ dataDir, port: first.port });
      try {
        // createDatabase is "create if missing": a restarted service calls it again.
        expect(await second.createDatabase('orders')).toBe(url);
        expect(await query(url, 'SELECT id FROM orders')).toEqual([{ id: 'kept' }]);
      } finally {
        await second.stop();
      }
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
    // initdb and two starts: a few seconds, more on a busy machine.
  }, 60_000);

  it('stops a server that does not answer its shutdown signal: harder signals follow, and stop() returns', async () => {
    const server = await startEmbeddedPostgres({ stopStepMs: 500 });
    const postmaster = Number((await readFile(join(server.dataDir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
    // Frozen (as a hung disk or a debugger would leave it): SIGINT and SIGQUIT wait, SIGKILL does not.
    process.kill(postmaster, 'SIGSTOP');

    await server.stop();

    expect(() => process.kill(postmaster, 0)).toThrow(expect.objectContaining({ code: 'ESRCH' }));
  }, 60_000);
});
