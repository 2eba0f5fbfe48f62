import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { createOutboxRelay, outboxRelayDefaults } from './outbox-relay.ts';

// Settings are checked when the relay is created, before it touches the database or Kafka.
const unused = { pool: {} as pg.Pool, kafka: {} as Kafka };

describe("the outbox relay's leader timeout", () => {
  it('defaults to 10 s and takes any whole number of milliseconds from 1 s', () => {
    expect(outboxRelayDefaults.leaderTimeoutMs).toBe(10_000);
    expect(() => createOutboxRelay({ ...unused, leaderTimeoutMs: 1_000 })).not.toThrow();
  });

  it.each([999, 0, -1, 1_500.5])('refuses %p with a message that names the setting', (leaderTimeoutMs) => {
    expect(() => createOutboxRelay({ ...unused, leaderTimeoutMs })).toThrow(/outbox relay leaderTimeoutMs/);
  });
});
