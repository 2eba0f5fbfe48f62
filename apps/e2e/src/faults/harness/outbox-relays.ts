import type { ServiceProcess } from '@orderflow/dev-stack';
import { queryOnce } from '@orderflow/service';

/** What an instance's `/status` says its outbox relay is: leader, standby or stopped. */
export async function relayRoleOf(service: ServiceProcess): Promise<string | undefined> {
  const response = await fetch(`${service.url}/status`, { signal: AbortSignal.timeout(2_000) });
  const body = (await response.json()) as { outboxRelay?: { role?: string } };
  return body.outboxRelay?.role;
}

/**
 * The outbox rows written since `since`, and how many of them are still unsent: how a scenario
 * sees whether any relay publishes (written > 0 and unsent = 0: every one of them reached Kafka).
 */
export async function outboxSince(
  databaseUrl: string,
  since: Date,
): Promise<{ readonly written: number; readonly unsent: number }> {
  const [row] = await queryOnce<{ written: number; unsent: number }>(
    databaseUrl,
    `SELECT count(*)::int AS written, count(*) FILTER (WHERE sent_at IS NULL)::int AS unsent
       FROM kafka_outbox WHERE created_at >= $1`,
    [since],
  );
  return { written: row?.written ?? 0, unsent: row?.unsent ?? 0 };
}

/** Orders placed since `since` that reached a final status (CONFIRMED or REJECTED). */
export async function finalOrdersSince(databaseUrl: string, since: Date): Promise<number> {
  const [row] = await queryOnce<{ count: number }>(
    databaseUrl,
    `SELECT count(*)::int AS count FROM orders WHERE created_at >= $1 AND status <> 'PENDING'`,
    [since],
  );
  return row?.count ?? 0;
}
