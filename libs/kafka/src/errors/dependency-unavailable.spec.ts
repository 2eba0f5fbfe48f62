import { isDependencyUnavailable } from './dependency-unavailable.ts';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('telling a dependency outage from a bad record', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['pg losing its connection', new Error('Connection terminated unexpectedly')],
    ['the pool giving up on a new connection', new Error('timeout exceeded when trying to connect')],
    ['a server shutting down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['a server starting up (57P03)', withCode('57P03', 'the database system is starting up')],
    ['a connection exception (08006)', withCode('08006', 'connection failure')],
  ])('counts %s as an outage: wait, do not dead-letter', (_case, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a check violation (23514)', withCode('23514', 'new row violates check constraint')],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'sku')")],
    ['not an error at all', 'boom'],
  ])('counts %s as a failure of the record', (_case, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
