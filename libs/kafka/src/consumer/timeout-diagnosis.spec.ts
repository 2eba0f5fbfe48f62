import { DependencyHangsError } from '../errors/dependency-hangs-error.ts';
import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import { HandlerTimeoutError } from '../errors/handler-timeout-error.ts';
import { diagnoseTimeout } from './timeout-diagnosis.ts';

const timeout = new HandlerTimeoutError(30_000, 'orders[2]@41');

describe('a handler timeout, diagnosed', () => {
  it('is a dependency wait when the probe hangs or fails too', async () => {
    const hangs = await diagnoseTimeout(timeout, () => new Promise(() => {}), 20);
    expect(hangs).toBeInstanceOf(DependencyHangsError);
    expect(isDependencyUnavailable(hangs)).toBe(true);
    expect((hangs as Error).message).toContain('no answer within 20 ms');
    const fails = await diagnoseTimeout(timeout, () => Promise.reject(new Error('Connection terminated')), 20);
    expect(isDependencyUnavailable(fails)).toBe(true);
  });

  it("stays the record's failure when the database answers, or there is no probe; other errors are left alone", async () => {
    expect(await diagnoseTimeout(timeout, async () => ({ rows: [{ '?column?': 1 }] }), 20)).toBe(timeout);
    expect(await diagnoseTimeout(timeout, undefined, 20)).toBe(timeout);
    const invalid = new Error('no such customer');
    expect(await diagnoseTimeout(invalid, () => new Promise(() => {}), 20)).toBe(invalid);
    expect(isDependencyUnavailable(timeout)).toBe(false);
  });
});
