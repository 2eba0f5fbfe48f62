import { waitFor } from './wait-for.ts';

describe('waitFor', () => {
  it('returns the first truthy value the probe yields', async () => {
    let calls = 0;
    const value = await waitFor(() => (++calls >= 3 ? `ready after ${calls}` : undefined), {
      description: 'the third call',
      intervalMs: 1,
    });
    expect(value).toBe('ready after 3');
  });

  it('keeps polling through probe errors', async () => {
    let calls = 0;
    const value = await waitFor(
      () => {
        calls += 1;
        if (calls < 2) throw new Error('not yet');
        return 42;
      },
      { description: 'a probe that throws once', intervalMs: 1 },
    );
    expect(value).toBe(42);
  });

  it('fails after the timeout, naming what it waited for and the last error', async () => {
    await expect(
      waitFor(
        () => {
          throw new Error('broker unreachable');
        },
        { description: 'the impossible', timeoutMs: 50, intervalMs: 5 },
      ),
    ).rejects.toThrow(/waiting for the impossible \(last error: broker unreachable\)/);
  });
});
