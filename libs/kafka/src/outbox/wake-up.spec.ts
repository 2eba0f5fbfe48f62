import { createWakeUp } from './wake-up.ts';

describe('the relay wake-up', () => {
  it('ends a wait early when woken', async () => {
    const wakeUp = createWakeUp();
    const started = Date.now();
    const waiting = wakeUp.wait(10_000);
    wakeUp.wake();
    await waiting;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('keeps a wake-up that came while nobody waited, for the next wait only', async () => {
    const wakeUp = createWakeUp();
    wakeUp.wake();
    await wakeUp.wait(10_000);
    const started = Date.now();
    await wakeUp.wait(20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
