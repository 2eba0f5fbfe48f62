import { ConfigError } from '../config/config-error.ts';
import { createPool } from './create-pool.ts';

describe('a PostgreSQL pool', () => {
  const connection = { connectionString: 'postgres://nobody@127.0.0.1:1/none', applicationName: 'spec' };

  it('is refused at construction when its settings contradict each other', () => {
    const create = () => createPool({ ...connection, statementTimeoutMs: 1_000, idleInTransactionTimeoutMs: 2_000 });
    expect(create).toThrow(ConfigError);
    expect(create).toThrow('PostgreSQL pool idleInTransactionTimeoutMs: must be below statementTimeoutMs');
  });

  it('is refused with a size below one', () => {
    expect(() => createPool({ ...connection, max: 0 })).toThrow('PostgreSQL pool max:');
  });

  it('takes the defaults for what is not set, and opens no connection until asked', async () => {
    const pool = createPool(connection);
    expect(pool.options.max).toBe(10);
    await pool.end();
  });
});
