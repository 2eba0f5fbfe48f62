import { HandlerTimeoutError } from '../errors/handler-timeout-error.ts';
import { attemptWithTimeout, pauseWithHeartbeats } from './handler-attempt.ts';

const options = (heartbeat: () => Promise<void>) => ({
  timeoutMs: 60,
  heartbeatIntervalMs: 10,
  heartbeat,
  label: 'orders[2]@41',
});

describe('one handler attempt', () => {
  it('heartbeats while the handler runs, and gives its value', async () => {
    let heartbeats = 0;
    const work = () => new Promise<string>((resolve) => setTimeout(() => resolve('done'), 35));
    await expect(
      attemptWithTimeout(
        work,
        options(async () => void (heartbeats += 1)),
      ),
    ).resolves.toBe('done');
    expect(heartbeats).toBeGreaterThan(0);
  });

  it('gives up after the timeout with a retriable error naming the record, and aborts the handler', async () => {
    let reason: unknown;
    const work = (signal: AbortSignal) =>
      new Promise<never>(() => signal.addEventListener('abort', () => (reason = signal.reason)));
    const attempt = attemptWithTimeout(
      work,
      options(async () => {}),
    );
    await expect(attempt).rejects.toThrow(HandlerTimeoutError);
    await expect(attempt).rejects.toThrow('the handler did not finish within 60 ms (orders[2]@41)');
    expect(reason).toBeInstanceOf(HandlerTimeoutError);
  });

  it('ends a pause when a heartbeat says the group is rebalancing, and sits out any other failed heartbeat', async () => {
    const rebalancing = Object.assign(new Error('The group is rebalancing'), { type: 'REBALANCE_IN_PROGRESS' });
    const started = Date.now();
    await expect(pauseWithHeartbeats(60_000, () => Promise.reject(rebalancing))).rejects.toBe(rebalancing);
    expect(Date.now() - started).toBeLessThan(5_000);
    const brokerDown = Object.assign(new Error('Connection timeout'), { type: 'NETWORK' });
    await expect(pauseWithHeartbeats(1_200, () => Promise.reject(brokerDown))).resolves.toBeUndefined();
  });
});
