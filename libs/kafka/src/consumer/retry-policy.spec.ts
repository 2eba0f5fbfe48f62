import { EventDecodeError, OrderflowError, errorCode } from '@orderflow/events';
import { defaultRetryPolicy, isRetriable, retryDelayMs } from './retry-policy.ts';

describe('the retry policy', () => {
  it('doubles the pause after each failed attempt, up to a cap', () => {
    const policy = { attempts: 10, backoff: { initialMs: 100, maxMs: 1_000 } };
    expect([1, 2, 3, 4, 5, 6].map((attempt) => retryDelayMs(policy, attempt))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(defaultRetryPolicy.attempts).toBeGreaterThan(1);
  });

  it('reads only the retriable flag; errors without one count as retriable', () => {
    expect(isRetriable(new OrderflowError('db busy', { code: 'DATABASE_UNAVAILABLE', retriable: true }))).toBe(true);
    expect(isRetriable(new OrderflowError('no such sku', { code: 'invalid-event', retriable: false }))).toBe(false);
    expect(isRetriable(new EventDecodeError('undecodable-value', 'garbage', { topic: 'orders' }))).toBe(false);
    expect(isRetriable(new TypeError('x is undefined'))).toBe(true);
    expect(isRetriable('a string thrown')).toBe(true);
  });

  it('names an error by its code, else by its class', () => {
    expect(errorCode(new OrderflowError('x', { code: 'invalid-event', retriable: false }))).toBe('invalid-event');
    expect(errorCode(new TypeError('x'))).toBe('TypeError');
    expect(errorCode(42)).toBe('unknown-error');
  });
});
