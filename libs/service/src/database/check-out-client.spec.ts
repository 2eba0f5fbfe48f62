import { EventEmitter } from 'node:events';
import type pg from 'pg';
import { checkOutClient } from './check-out-client.ts';

/**
 * A pool that hands its client out the way pg-pool can: from inside a read of the client's
 * socket (a new connection's ReadyForQuery, or a client released and handed on in a query
 * callback). pg parses the rest of that read at once, in the same tick, so an ErrorResponse
 * right behind it (pg_terminate_backend just after the session started) is emitted before any
 * promise continuation runs. Both forms of connect() behave as pg-pool's do.
 */
function poolErroringAsItHandsOut(error: Error) {
  const client = Object.assign(new EventEmitter(), { releasedWith: [] as unknown[] });
  const handOut = (give: () => void) => {
    give();
    client.emit('error', error);
  };
  const release = (reason?: unknown) => client.releasedWith.push(reason);
  const pool = {
    connect(callback?: (err: Error | undefined, given: unknown, done: typeof release) => void) {
      Object.assign(client, { release });
      if (callback) return handOut(() => callback(undefined, client, release));
      let resolve: (given: unknown) => void = () => {};
      const promise = new Promise((settle) => (resolve = settle));
      handOut(() => resolve(client));
      return promise;
    },
  };
  return { pool: pool as unknown as pg.Pool, client };
}

describe('checking a client out of the pool', () => {
  it('keeps an error the connection raises in the same read that handed the client out, and hands the client back broken', async () => {
    const terminated = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    });
    const { pool, client } = poolErroringAsItHandsOut(terminated);
    const lost: Error[] = [];

    const checkedOut = await checkOutClient(pool, (error) => lost.push(error));
    checkedOut.release();

    expect(lost).toEqual([terminated]);
    // Released with the error: pg-pool destroys that connection instead of reusing it.
    expect(client.releasedWith).toEqual([terminated]);
  });
});
