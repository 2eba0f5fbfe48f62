import { backoffDelay } from './backoff-delay.ts';

describe('backoffDelay', () => {
  it('doubles from the initial pause with every failed step, up to the cap', () => {
    const steps = [1, 2, 3, 4, 5, 6].map((step) => backoffDelay({ initialMs: 200, maxMs: 5_000 }, step));
    expect(steps).toEqual([200, 400, 800, 1_600, 3_200, 5_000]);
  });

  it('stays at the cap however long the outage lasts', () => {
    expect(backoffDelay({ initialMs: 250, maxMs: 5_000 }, 10_000)).toBe(5_000);
  });
});
