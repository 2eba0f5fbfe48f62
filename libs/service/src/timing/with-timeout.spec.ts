import { setTimeout as delay } from 'node:timers/promises';
import { withTimeout } from './with-timeout.ts';

describe('withTimeout', () => {
  it('gives the value of work that settles in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 1_000, () => new Error('late'))).resolves.toBe(42);
  });

  it('rejects with the timeout error, and aborts the work with it, when the work is late', async () => {
    let seen: unknown;
    const work = (signal: AbortSignal) =>
      new Promise<never>(() => {
        signal.addEventListener('abort', () => (seen = signal.reason));
      });
    await expect(withTimeout(work, 20, () => new Error('no answer within 20 ms'))).rejects.toThrow(
      'no answer within 20 ms',
    );
    expect(seen).toEqual(new Error('no answer within 20 ms'));
  });

  it("passes on the work's own failure, and never aborts work that settled", async () => {
    let aborted = false;
    const work = async (signal: AbortSignal) => {
      signal.addEventListener('abort', () => (aborted = true));
      throw new Error('refused');
    };
    await expect(withTimeout(work, 20, () => new Error('late'))).rejects.toThrow('refused');
    await delay(40);
    expect(aborted).toBe(false);
  });
});
