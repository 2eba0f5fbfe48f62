import { formatLogLine } from './format-log-line.ts';

describe('formatting a service log line for the terminal', () => {
  it('shows time, level and message of a JSON log line behind the label', () => {
    const line = JSON.stringify({
      level: 30,
      time: Date.UTC(2026, 10, 26, 9, 15, 2, 345),
      service: 'order-service',
      msg: 'order-service listening on http://127.0.0.1:3000',
    });

    expect(formatLogLine('order-service', line)).toBe(
      'order-service | 09:15:02.345 INFO  order-service listening on http://127.0.0.1:3000',
    );
  });

  it("adds the error's message when the log message does not already say it", () => {
    const line = JSON.stringify({
      level: 50,
      time: 0,
      msg: 'outbox relay could not publish',
      err: { message: 'broker down' },
    });

    expect(formatLogLine('inventory-service#2', line)).toBe(
      'inventory-service#2 | 00:00:00.000 ERROR outbox relay could not publish (broker down)',
    );
  });

  it('shows a level written as a label in capitals, as the services write it', () => {
    const line = JSON.stringify({ level: 'warn', time: '2026-11-26T09:15:02.345Z', msg: 'retrying' });

    expect(formatLogLine('order-service', line)).toBe('order-service | 09:15:02.345 WARN  retrying');
  });

  it('passes a line that is not JSON through unchanged', () => {
    expect(formatLogLine('notification-service', '(node:42) TimeoutNegativeWarning: -1 is a negative number.')).toBe(
      'notification-service | (node:42) TimeoutNegativeWarning: -1 is a negative number.',
    );
  });
});
