import type { EventMessage } from '@orderflow/events';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { errorCode, errorMessage } from '../consumer/retry-policy.ts';
import { silentLogger, type ServiceLogger } from '../logging/service-logger.ts';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';
import { createEventProducer, type EventProducer, type TopicMessages } from '../producer/event-producer.ts';
import { outboxChannel } from './append-to-outbox.ts';
import { createWakeUp } from './wake-up.ts';

export type OutboxRelayOptions = {
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly logger?: ServiceLogger;
  readonly metrics?: KafkaMetrics;
  /** Rows per Kafka request. Default 200. */
  readonly batchSize?: number;
  /** Polling fallback, should a NOTIFY be missed (e.g. across a reconnect). Default 1 s. */
  readonly pollIntervalMs?: number;
  /** How often a standby relay tries to become the leader. Default 2 s. */
  readonly standbyIntervalMs?: number;
  /** After a failure the relay waits this long, doubling up to maxBackoffMs. Defaults 250 ms, 5 s. */
  readonly initialBackoffMs?: number;
  readonly maxBackoffMs?: number;
};

export type OutboxRelayStatus = {
  readonly role: 'stopped' | 'standby' | 'leader';
  /** Rows published and marked sent by this instance. */
  readonly published: number;
  readonly lastError: { readonly code: string; readonly message: string; readonly at: Date } | undefined;
};

export type OutboxRelay = {
  start(): Promise<void>;
  /** Finishes the batch in flight, gives up the leader lock and stops. */
  stop(): Promise<void>;
  status(): OutboxRelayStatus;
};

type OutboxRow = {
  id: string;
  topic: string;
  message_key: string;
  value: Buffer | null;
  headers: Record<string, string>;
  record_timestamp: string;
};

// One key per database: every relay of a service's database competes for the same lock.
const leaderLockKey = 'orderflow:kafka_outbox_relay';

/**
 * Publishes the outbox to Kafka: oldest rows first, in batches, marking them sent.
 *
 * Why one leader instead of `FOR UPDATE SKIP LOCKED` across relays: SKIP LOCKED lets two
 * relays take different rows at once, so while relay A publishes rows 1-100 relay B could
 * take row 101, a later event of a key in A's batch, and publish it first. Locking per key
 * fixes that but is subtle. Here each relay asks for a session advisory lock
 * (`pg_try_advisory_lock`); the one that gets it publishes everything in id order, the
 * others stand by and take over if its database session ends. Throughput is one relay's,
 * which is plenty (see bench/outbox-relay.bench.ts), and the order is simple to trust.
 *
 * Failures: if Kafka is unreachable the rows stay unsent and the relay retries with
 * doubling pauses, forever; nothing is lost. If the database connection drops, the lock
 * goes with it and the relay becomes a standby until it can lead again. At-least-once: a
 * crash between publishing and marking sends the batch again; consumers drop duplicates
 * by event id (inbox).
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const logger = options.logger ?? silentLogger;
  const batchSize = options.batchSize ?? 200;
  const pollIntervalMs = options.pollIntervalMs ?? 1_000;
  const standbyIntervalMs = options.standbyIntervalMs ?? 2_000;
  const initialBackoffMs = options.initialBackoffMs ?? 250;
  const maxBackoffMs = options.maxBackoffMs ?? 5_000;
  const wakeUp = createWakeUp();

  let running = false;
  let loop: Promise<void> | undefined;
  let leaderClient: pg.PoolClient | undefined;
  let leaderLost = false;
  let producer: EventProducer | undefined;
  let published = 0;
  let lastError: OutboxRelayStatus['lastError'];

  async function tryToLead(): Promise<boolean> {
    const client = await options.pool.connect();
    leaderLost = false;
    // A dropped connection must not crash the process: the relay notices and stands by.
    client.on('error', () => {
      leaderLost = true;
      wakeUp.wake();
    });
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [leaderLockKey]);
    if (!rows[0]?.locked) {
      client.release();
      return false;
    }
    client.on('notification', () => wakeUp.wake());
    await client.query(`LISTEN ${outboxChannel}`);
    leaderClient = client;
    logger.info({}, 'outbox relay is the leader: publishing the outbox');
    return true;
  }

  async function stepDown(broken: boolean): Promise<void> {
    const client = leaderClient;
    leaderClient = undefined;
    if (!client) return;
    if (!broken) {
      // Ends the LISTEN and frees the lock at once for a standby (release alone keeps the session).
      await client.query(`UNLISTEN ${outboxChannel}; SELECT pg_advisory_unlock_all()`).catch(() => (broken = true));
    }
    client.removeAllListeners('notification');
    client.release(broken ? new Error('outbox relay dropped its leader connection') : undefined);
  }

  /** Publishes one batch; returns how many rows it published. */
  async function publishBatch(client: pg.PoolClient): Promise<number> {
    const { rows } = await client.query<OutboxRow>(
      `SELECT id, topic, message_key, value, headers, record_timestamp::text AS record_timestamp
         FROM kafka_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1`,
      [batchSize],
    );
    if (rows.length === 0) return 0;
    if (!producer) {
      producer = createEventProducer({ kafka: options.kafka, metrics: options.metrics });
      await producer.start();
    }
    await producer.publishMessages(groupByTopic(rows));
    await client.query('UPDATE kafka_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
    published += rows.length;
    return rows.length;
  }

  /** The backlog gauge: rows waiting to be published (grows while Kafka is unreachable). */
  async function reportPending(client: pg.PoolClient): Promise<void> {
    if (!options.metrics?.outboxPending) return;
    const { rows } = await client.query<{ pending: number }>('SELECT count(*)::int AS pending FROM kafka_outbox WHERE sent_at IS NULL');
    options.metrics.outboxPending(rows[0]?.pending ?? 0);
  }

  async function run(): Promise<void> {
    let backoffMs = initialBackoffMs;
    while (running) {
      try {
        if (leaderLost) await stepDown(true);
        if (!leaderClient && !(await tryToLead())) {
          await wakeUp.wait(standbyIntervalMs);
          continue;
        }
        const client = leaderClient;
        if (!client) continue;
        const count = await publishBatch(client);
        await reportPending(client);
        backoffMs = initialBackoffMs;
        // A full batch means more is waiting: go on at once. Otherwise sleep until NOTIFY or the poll.
        if (count < batchSize) await wakeUp.wait(pollIntervalMs);
      } catch (error) {
        lastError = { code: errorCode(error), message: errorMessage(error), at: new Date() };
        logger.warn({ err: error, backoffMs }, `outbox relay could not publish, rows stay unsent; retrying in ${backoffMs} ms`);
        // A producer whose send failed may hold sequence numbers the broker no longer agrees
        // with; a new one starts clean (and the idempotent producer is cheap to create).
        await producer?.stop().catch(() => {});
        producer = undefined;
        if (isDatabaseError(error)) await stepDown(true);
        else if (leaderClient) await reportPending(leaderClient).catch(() => {});
        await wakeUp.wait(backoffMs);
        backoffMs = Math.min(maxBackoffMs, backoffMs * 2);
      }
    }
  }

  return {
    async start() {
      if (running) return;
      running = true;
      loop = run();
    },
    async stop() {
      running = false;
      wakeUp.wake();
      await loop;
      await stepDown(false);
      await producer?.stop().catch(() => {});
      producer = undefined;
    },
    status: () => ({ role: !running ? 'stopped' : leaderClient ? 'leader' : 'standby', published, lastError }),
  };
}

/** Consecutive rows of one topic go in one list, in id order; kafkajs keeps that order per partition. */
function groupByTopic(rows: readonly OutboxRow[]): TopicMessages[] {
  const byTopic = new Map<string, EventMessage[]>();
  for (const row of rows) {
    const messages = byTopic.get(row.topic) ?? [];
    messages.push({ key: row.message_key, value: row.value, timestamp: row.record_timestamp, headers: row.headers });
    byTopic.set(row.topic, messages);
  }
  return [...byTopic].map(([topic, messages]) => ({ topic, messages }));
}

/** pg's errors carry a SQLSTATE `code` of five characters, or are connection errors. */
function isDatabaseError(error: unknown): boolean {
  const message = errorMessage(error);
  const sqlState = typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' && /^[0-9A-Z]{5}$/.test(error.code);
  return sqlState || /Connection terminated|ECONNREFUSED|ECONNRESET|Client has encountered a connection error/.test(message);
}
