import { setTimeout as delay } from 'node:timers/promises';
import { connectClient, messagingApplicationName, withClient } from '@orderflow/service';

// Faults inside PostgreSQL: sessions the server ends, and locks a test holds. Each service's
// pools name their sessions after the service (application_name: the request pool the
// service's name, the relay's and consumer's pool messagingApplicationName), so a fault picks
// out all of them.

/** The application names of every session `app` opens. */
const sessionNamesOf = (app: string) => [app, messagingApplicationName(app)];

const terminateSql = `SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
  WHERE datname = current_database() AND application_name = ANY($1::text[]) AND pid <> pg_backend_pid()`;

/**
 * pg_terminate_backend on every session `app` has on its database, in or out of a transaction
 * (what a PostgreSQL restart or failover does to them), again and again for `ms`. A transaction
 * lasts milliseconds, so one termination rarely finds a client checked out mid-transaction (the
 * case that used to end the process); one every `everyMs` does. Returns how many it ended.
 */
export function terminateSessionsFor(databaseUrl: string, app: string, ms: number, everyMs = 20): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const deadline = Date.now() + ms;
    let terminated = 0;
    while (Date.now() < deadline) {
      const { rows } = await client.query<{ terminated: number }>(terminateSql, [sessionNamesOf(app)]);
      terminated += rows[0]?.terminated ?? 0;
      await delay(everyMs);
    }
    return terminated;
  });
}

/** Sessions of `app` that wait for a lock another session holds. */
export function sessionsWaitingForLocks(databaseUrl: string, app: string): Promise<number> {
  return withClient(databaseUrl, async (client) => {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = ANY($1::text[]) AND wait_event_type = 'Lock'`,
      [sessionNamesOf(app)],
    );
    return rows[0]?.waiting ?? 0;
  });
}

export type HeldLock = {
  /** Commits the holding transaction: the lock goes to the next session waiting for it. */
  release(): Promise<void>;
};

/** Takes the row lock of a product's stock row, as inventory-service does, and holds it. */
export async function holdStockRow(databaseUrl: string, sku: string): Promise<HeldLock> {
  const client = await connectClient(databaseUrl);
  try {
    await client.query('BEGIN');
    await client.query('SELECT sku FROM stock WHERE sku = $1 FOR UPDATE', [sku]);
  } catch (error) {
    await client.end();
    throw error;
  }
  return {
    async release() {
      try {
        await client.query('COMMIT');
      } finally {
        await client.end();
      }
    },
  };
}
