import { UnavailableError } from '@orderflow/service';
import { isDependencyUnavailable } from './dependency-unavailable.ts';

// The database's own list is tested beside it (libs/service database-unavailable.spec.ts).
describe('telling a dependency outage from a bad record', () => {
  it.each([
    [
      'an UnavailableError (a transaction the database could not run)',
      new UnavailableError('The database is unavailable'),
    ],
    [
      'a lock wait that timed out (57014)',
      Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' }),
    ],
    ['pg losing its connection', new Error('Connection terminated unexpectedly')],
  ])('counts %s as an outage: wait, do not dead-letter', (_case, error) => {
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation (23505)', Object.assign(new Error('duplicate key value'), { code: '23505' })],
    ['a bug', new TypeError("Cannot read properties of undefined (reading 'sku')")],
  ])('counts %s as a failure of the record', (_case, error) => {
    expect(isDependencyUnavailable(error)).toBe(false);
  });
});
