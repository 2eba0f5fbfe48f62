import { isDatabaseUnavailable } from './database-unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling a database outage or lock wait from a failure of the work', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['pg losing its connection', new Error('Connection terminated unexpectedly')],
    ['a client pg marked broken', new Error('Client has encountered a connection error and is not queryable')],
    ['the pool giving up on a new connection', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', withCode('08006', 'connection failure')],
    [
      'the server ending an idle transaction (25P03)',
      withCode('25P03', 'terminating connection due to idle-in-transaction timeout'),
    ],
    ['a lock timeout (55P03)', withCode('55P03', 'canceling statement due to lock timeout')],
    ['a statement timeout (57014)', withCode('57014', 'canceling statement due to statement timeout')],
    ['a deadlock (40P01)', withCode('40P01', 'deadlock detected')],
    ['a serialization failure (40001)', withCode('40001', 'could not serialize access due to concurrent update')],
  ])('counts %s as the database being unavailable: wait and try again', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a check violation (23514)', withCode('23514', 'new row violates check constraint')],
    ['a missing table (42P01)', withCode('42P01', 'relation "stock" does not exist')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'sku')")],
    ['not an error at all', 'boom'],
  ])('counts %s as a failure of the work', (_case, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
