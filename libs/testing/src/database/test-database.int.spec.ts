import { testDatabase, type TestDatabase } from './test-database.ts';

describe('testDatabase()', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((database) => database.drop()));
  });

  it('gives every call its own empty database: a table made in one is absent from the other', async () => {
    const first = await testDatabase();
    const second = await testDatabase();
    databases.push(first, second);

    await first.pool.query('CREATE TABLE orders (id text PRIMARY KEY)');
    await first.pool.query("INSERT INTO orders VALUES ('order-1')");

    expect(first.name).not.toBe(second.name);
    const { rows } = await second.pool.query<{ table: string | null }>("SELECT to_regclass('orders')::text AS table");
    expect(rows).toEqual([{ table: null }]);
    const { rows: orders } = await first.pool.query('SELECT id FROM orders');
    expect(orders).toEqual([{ id: 'order-1' }]);
  });

  it('names a database that a fresh client can open by its connection string', async () => {
    const database = await testDatabase('named');
    databases.push(database);

    const { rows } = await database.pool.query<{ name: string }>('SELECT current_database() AS name');

    expect(rows).toEqual([{ name: database.name }]);
    expect(database.connectionString).toContain(`/${database.name}`);
  });

  it('drop() removes the database and ends its pool', async () => {
    const database = await testDatabase();
    const observer = await testDatabase();
    databases.push(observer);

    await database.drop();

    const { rows } = await observer.pool.query('SELECT 1 FROM pg_database WHERE datname = $1', [database.name]);
    expect(rows).toEqual([]);
    expect(database.pool.ended).toBe(true);
  });

  it('survives an idle connection that the server ends (as when globalTeardown stops it), with a warning', async () => {
    const database = await testDatabase();
    const observer = await testDatabase();
    databases.push(database, observer);
    const { rows } = await database.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const consoleWarn = console.warn;
    const warned = new Promise<string>((resolve) => {
      console.warn = (line: unknown) => resolve(String(line));
    }).finally(() => (console.warn = consoleWarn));

    // Without a listener, the idle client's error would be thrown out of the pool: an uncaught exception.
    await observer.pool.query('SELECT pg_terminate_backend($1)', [rows[0]?.pid]);

    expect(await warned).toContain(`An idle connection of test database ${database.name} failed`);
    expect(database.pool.idleCount).toBe(0);
  });
});
