import type pg from 'pg';

// One key per database: every relay of a service's database competes for the same lock.
const leaderLockKey = 'orderflow:kafka_outbox_relay';

/**
 * Tries to take the relay's leader lock on this session, and, in the same statement, bounds how
 * long the session may then sit idle (`idle_session_timeout`, PostgreSQL 14+).
 *
 * Why a bound: the lock is a session lock held outside any transaction, so neither
 * `idle_in_transaction_session_timeout` nor TCP keepalive ends the session of a process that
 * is frozen (SIGSTOP, a paused VM, a debugger): the kernel still answers for it. Without the
 * bound every event of the service waits until that process resumes. With it, the server ends
 * the silent session after `timeoutMs`, the lock goes with it and a standby takes over.
 * One statement, so no freeze can fall between taking the lock and setting its bound.
 */
export async function takeLeaderLock(client: pg.ClientBase, timeoutMs: number): Promise<boolean> {
  const { rows } = await client.query<{ locked: boolean }>(
    `SELECT locked, CASE WHEN locked THEN set_config('idle_session_timeout', $2, false) END
       FROM pg_try_advisory_lock(hashtext($1)) AS locked`,
    [leaderLockKey, `${timeoutMs}ms`],
  );
  return rows[0]?.locked === true;
}

/** Gives the lock back at once (for a standby) and leaves the session as the pool gave it. */
export const leaderSessionReset = 'RESET idle_session_timeout; SELECT pg_advisory_unlock_all()';

export type LeaderSessionKeeper = {
  /** The session answered a query sent at `sentAt` (ms): it was alive, and the lock held, then. */
  answered(sentAt: number): void;
  /**
   * Resolves if the session is certainly still alive and the leader; rejects if it is not.
   * Called before every send: a leader that was frozen past the bound finds out here.
   */
  confirm(): Promise<void>;
  stop(): void;
};

/**
 * Keeps a healthy leader's session from ever reaching the idle bound: a `SELECT 1` every
 * quarter of it, whatever the relay is doing (a send to Kafka can take seconds, a backoff
 * five). A frozen process runs no timers, so its session does go idle and the server ends it.
 *
 * `confirm()` is how a leader that resumes notices, before it publishes again, without waiting
 * for the socket to report the end of the session: while less than half the bound has passed
 * since a query was *sent* (the session cannot have been idle longer than that), it is alive;
 * after that, one `SELECT 1` proves it (or fails, the session being gone). PostgreSQL itself
 * refuses to mark rows sent on a session it ended.
 *
 * What a resumed leader can still do: publish the batch it had already handed to the producer
 * before it froze, or one sent in the moment between confirm() and the send. The new leader
 * has published those rows too (they were not marked sent), so they reach Kafka twice:
 * at-least-once, as after a crash, and the consumers' inbox drops the second copy by event id.
 * Order per key still holds for the consumers: the new leader publishes every unsent row in id
 * order, and a stale copy arriving later is only a repeat of an event already delivered,
 * which the inbox skips; no event overtakes an earlier one of its key.
 */
export function keepLeaderSessionAlive(
  client: pg.ClientBase,
  timeoutMs: number,
  onLost: (error: unknown) => void,
): LeaderSessionKeeper {
  let answeredAt = Date.now();
  let stopped = false;
  const ping = async () => {
    const sentAt = Date.now();
    await client.query('SELECT 1');
    answeredAt = Math.max(answeredAt, sentAt);
  };
  const timer = setInterval(() => {
    ping().catch((error: unknown) => {
      if (!stopped) onLost(error);
    });
  }, timeoutMs / 4);
  timer.unref();
  return {
    answered(sentAt) {
      answeredAt = Math.max(answeredAt, sentAt);
    },
    async confirm() {
      if (Date.now() - answeredAt < timeoutMs / 2) return;
      await ping().catch((error: unknown) => {
        throw new LeadershipLost(error);
      });
    },
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}

/** The leader's session ended (or stopped answering): the relay stands by and tries to lead again. */
export class LeadershipLost extends Error {
  override readonly cause: unknown;

  constructor(cause: unknown) {
    super(`the outbox relay's leader session is gone: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    });
    this.name = 'LeadershipLost';
    this.cause = cause;
  }
}
