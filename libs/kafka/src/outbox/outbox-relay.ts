import type { Kafka } from 'kafkajs';
import { checkOutClient, settingsOf, silentLogger, type ServiceLogger } from '@orderflow/service';
import type pg from 'pg';
import { z } from 'zod';
import { errorCode, errorMessage } from '@orderflow/events';
import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';
import { createEventProducer, type EventProducer } from '../producer/event-producer.ts';
import { backoffDelay, backoffSchema, type Backoff } from '../retry/backoff-delay.ts';
import { outboxChannel } from './append-to-outbox.ts';
import {
  keepLeaderSessionAlive,
  leaderSessionReset,
  LeadershipLost,
  takeLeaderLock,
  type LeaderSessionKeeper,
} from './leader-session.ts';
import { groupByTopic, readOutboxBatch, type OutboxBatch } from './outbox-batch.ts';
import { moveToDeadLetter, refusalForEver, type DeadLetteredRow } from './outbox-dead-letter.ts';
import { createWakeUp } from './wake-up.ts';

export type OutboxRelayOptions = {
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly logger?: ServiceLogger;
  readonly metrics?: KafkaMetrics;
  /** Rows per Kafka request, at most. Default 500. */
  readonly batchSize?: number;
  /**
   * Bytes per Kafka request, at most (keys, values, headers and a per-record allowance). The
   * broker's `max.message.bytes` (1048588 by default) limits a whole record batch, and kafkajs
   * puts all of one partition's messages of a request into one batch without checking its
   * size; capping the request caps every partition's batch. Default 1,000,000.
   */
  readonly maxRequestBytes?: number;
  /** Polling fallback, should a NOTIFY be missed (e.g. across a reconnect). Default 1 s. */
  readonly pollIntervalMs?: number;
  /** How often a standby relay tries to become the leader. Default 2 s. */
  readonly standbyIntervalMs?: number;
  /** The pauses after a failure, doubling. Default 250 ms up to 5 s. */
  readonly backoff?: Backoff;
  /**
   * How long a leader that stops answering (a frozen process: SIGSTOP, a paused VM) keeps the
   * lead: PostgreSQL ends its idle session after this long, and a standby takes over within
   * this plus `standbyIntervalMs`. A healthy leader queries every quarter of it. Default 10 s.
   */
  readonly leaderTimeoutMs?: number;
};

export const outboxRelayDefaults = {
  batchSize: 500,
  maxRequestBytes: 1_000_000,
  pollIntervalMs: 1_000,
  standbyIntervalMs: 2_000,
  backoff: { initialMs: 250, maxMs: 5_000 },
  leaderTimeoutMs: 10_000,
} as const satisfies Partial<OutboxRelayOptions>;

const positive = z.number().int().positive();
/** The relay's settings as it checks them when it is created. */
const relaySettingsSchema = z.object({
  batchSize: positive,
  maxRequestBytes: positive,
  pollIntervalMs: positive,
  standbyIntervalMs: positive,
  backoff: backoffSchema,
  // A second at least: the heartbeat, every quarter of it, must not be late for a busy event loop.
  leaderTimeoutMs: z.number().int().min(1_000),
});

export type OutboxRelayStatus = {
  readonly role: 'stopped' | 'standby' | 'leader';
  /** Rows published and marked sent by this instance. */
  readonly published: number;
  /** Rows this instance moved to `kafka_outbox_dead_letter`: the broker refused them for ever. An alarm. */
  readonly deadLettered: number;
  readonly lastDeadLetter: (DeadLetteredRow & { readonly at: Date }) | undefined;
  readonly lastError: { readonly code: string; readonly message: string; readonly at: Date } | undefined;
};

export type OutboxRelay = {
  start(): Promise<void>;
  /** Finishes the request in flight, gives up the leader lock and stops. */
  stop(): Promise<void>;
  status(): OutboxRelayStatus;
};

/**
 * Publishes the outbox to Kafka: oldest rows first, in batches, marking them sent.
 *
 * Why one leader instead of `FOR UPDATE SKIP LOCKED` across relays: SKIP LOCKED lets two
 * relays take different rows at once, so while relay A publishes rows 1-100 relay B could
 * take row 101, a later event of a key in A's batch, and publish it first. Locking per key
 * fixes that but is subtle. Here each relay asks for a session advisory lock
 * (`pg_try_advisory_lock`); the one that gets it publishes everything in id order, the
 * others stand by and take over if its database session ends, also when the leader's process
 * freezes (see leader-session.ts).
 *
 * Speed: one produce request is in flight at a time (a second one could overtake the first
 * on a retry), but the database work is not waited for: while a request is on its way, the
 * relay marks the batch before it sent and reads the next one. See bench/outbox-relay.bench.ts.
 *
 * Failures: if Kafka is unreachable the rows stay unsent and the relay retries with
 * doubling pauses, forever; nothing is lost. If the database connection drops, the lock
 * goes with it and the relay becomes a standby until it can lead again. At-least-once: a
 * crash between publishing and marking sends the batch again; consumers drop duplicates
 * by event id (inbox).
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const logger = options.logger ?? silentLogger;
  const settings = settingsOf('outbox relay', relaySettingsSchema, outboxRelayDefaults, options);
  const wakeUp = createWakeUp();
  const onNotification = () => wakeUp.wake();

  let running = false;
  let loop: Promise<void> | undefined;
  let leaderClient: pg.PoolClient | undefined;
  let leaderSession: LeaderSessionKeeper | undefined;
  let leaderLost = false;
  let producer: EventProducer | undefined;
  let published = 0;
  let deadLettered = 0;
  let lastDeadLetter: OutboxRelayStatus['lastDeadLetter'];
  // Set after a batch was refused for good: its rows, up to this id, go one per request.
  let isolateThroughId: bigint | undefined;
  let nextReportAt = 0;
  let lastError: OutboxRelayStatus['lastError'];

  /** One attempt to take the leader lock. Whatever happens, a client that does not lead goes back. */
  async function tryToLead(): Promise<boolean> {
    leaderLost = false;
    // A dropped connection must not crash the process: the relay notices and stands by.
    const client = await checkOutClient(options.pool, () => {
      leaderLost = true;
      wakeUp.wake();
    });
    let locked = false;
    try {
      locked = await takeLeaderLock(client, settings.leaderTimeoutMs);
      if (!locked) return false;
      client.on('notification', onNotification);
      await client.query(`LISTEN ${outboxChannel}`);
      // The unsent-rows index fills with dead entries (rows marked sent) between VACUUMs. A
      // plain index scan marks the ones it meets dead, so the next scan skips them; a bitmap
      // scan, which the planner prefers for a few rows, reads every dead row's page on every
      // call. This session only runs the relay's queries, and stepDown() resets it.
      await client.query('SET enable_bitmapscan = off');
      leaderClient = client;
      leaderSession = keepLeaderSessionAlive(client, settings.leaderTimeoutMs, () => {
        if (leaderClient !== client) return;
        leaderLost = true;
        wakeUp.wake();
      });
      logger.info({}, 'outbox relay is the leader: publishing the outbox');
      return true;
    } finally {
      if (leaderClient !== client) {
        client.removeListener('notification', onNotification);
        // Holding the lock without leading would wedge the outbox: end that session, and the lock with it.
        client.release(locked ? new Error('outbox relay could not start leading') : undefined);
      }
    }
  }

  async function stepDown(broken: boolean): Promise<void> {
    const client = leaderClient;
    leaderClient = undefined;
    leaderSession?.stop();
    leaderSession = undefined;
    if (!client) return;
    if (!broken) {
      // Ends the LISTEN and frees the lock at once for a standby (release alone keeps the session).
      await client
        .query(`UNLISTEN ${outboxChannel}; RESET enable_bitmapscan; ${leaderSessionReset}`)
        .catch(() => (broken = true));
    }
    client.removeListener('notification', onNotification);
    client.release(broken ? new Error('outbox relay dropped its leader connection') : undefined);
  }

  async function startedProducer(): Promise<EventProducer> {
    if (!producer) {
      const created = createEventProducer({ kafka: options.kafka, metrics: options.metrics });
      await created.start().catch((error: unknown) => {
        throw new PublishFailed(error);
      });
      producer = created;
    }
    return producer;
  }

  /** Starts sending a batch; the promise settles once the brokers acknowledged it (or failed). */
  function send(batch: OutboxBatch): Promise<void> {
    const sent = startedProducer()
      .then((started) => started.publishMessages(groupByTopic(batch.rows)))
      .catch((error: unknown) => {
        throw new PublishFailed(error instanceof PublishFailed ? error.cause : error, batch);
      });
    // Awaited later; until then a rejection is not unhandled.
    sent.catch(() => {});
    return sent;
  }

  async function markSent(client: pg.PoolClient, batch: OutboxBatch): Promise<void> {
    await client.query('UPDATE kafka_outbox SET sent_at = now() WHERE id = ANY($1::bigint[])', [batch.ids]);
    published += batch.ids.length;
  }

  /**
   * Publishes until the outbox is empty, in id order, one request in flight: read batch n+1
   * while batch n is on its way, send n+1 once n is acknowledged, then mark n as sent while
   * n+1 is on its way. Returns how many rows it published.
   */
  async function drain(client: pg.PoolClient, session: LeaderSessionKeeper): Promise<number> {
    let inFlight: { batch: OutboxBatch; sent: Promise<void> } | undefined;
    let count = 0;
    try {
      for (;;) {
        const readAt = Date.now();
        const limits = isolateThroughId === undefined ? settings : { ...settings, batchSize: 1 };
        const next = running ? await readOutboxBatch(client, limits, inFlight?.batch.ids ?? []) : undefined;
        session.answered(readAt);
        const firstId = next?.ids[0];
        if (isolateThroughId !== undefined && firstId !== undefined && BigInt(firstId) > isolateThroughId)
          isolateThroughId = undefined;
        const acknowledged = inFlight;
        if (acknowledged) await acknowledged.sent;
        // The wait for Kafka may have lasted a freeze: still the leader before publishing more?
        if (next && next.rows.length > 0) await stillLeading(session);
        inFlight = next && next.rows.length > 0 ? { batch: next, sent: send(next) } : undefined;
        if (acknowledged) {
          await markSent(client, acknowledged.batch);
          count += acknowledged.batch.ids.length;
          // A long backlog keeps the relay here: the gauge still moves.
          await reportPending(client);
        }
        if (!inFlight) return count;
      }
    } finally {
      // On a failure, let the request in flight settle before the caller replaces the producer.
      await inFlight?.sent.catch(() => {});
    }
  }

  /**
   * A row the broker refuses for ever must not wedge the outbox. A refused batch of several
   * rows is sent again one row per request, in id order, until the broker names the row; that
   * row goes to the dead-letter table with the reason, and the rows after it go on in order.
   * Returns false when `failure` is no such refusal (or setting it aside failed): then the
   * relay retries as after any failure.
   */
  async function setAsideRefused(failure: unknown): Promise<boolean> {
    const client = leaderClient;
    if (!(failure instanceof PublishFailed) || !failure.batch || !client || leaderLost) return false;
    const refusal = refusalForEver(failure.cause);
    const [outboxId] = failure.batch.ids;
    if (!refusal || outboxId === undefined) return false;
    lastError = { code: errorCode(failure.cause), message: errorMessage(failure.cause), at: new Date() };
    await producer?.stop().catch(() => {});
    producer = undefined;
    if (failure.batch.ids.length > 1) {
      isolateThroughId = BigInt(failure.batch.ids.at(-1) ?? outboxId);
      logger.warn(
        { err: failure.cause },
        `the broker refused a batch of ${failure.batch.ids.length} outbox rows (${refusal}): sending them one by one`,
      );
      return true;
    }
    const moved = await moveToDeadLetter(client, outboxId, `${refusal}: ${errorMessage(failure.cause)}`);
    if (moved) {
      deadLettered += 1;
      lastDeadLetter = { ...moved, at: new Date() };
      options.metrics?.outboxDeadLettered?.({ topic: moved.topic, eventType: moved.eventType });
      logger.error(
        { deadLetter: moved },
        `outbox relay dead-lettered row ${outboxId} (${moved.eventType} ${moved.eventId} on ${moved.topic}): the broker refuses it for ever (${moved.reason}); it is in kafka_outbox_dead_letter, the rows after it go on`,
      );
    }
    return true;
  }

  async function stillLeading(session: LeaderSessionKeeper): Promise<void> {
    if (leaderLost) throw new LeadershipLost(new Error('the connection ended'));
    await session.confirm();
  }

  /**
   * The backlog gauge: rows waiting to be published (grows while Kafka is unreachable). At most
   * once a second: counting the unsent rows reads the index of every row marked sent since
   * the last VACUUM, and a relay under load drains dozens of times a second.
   */
  async function reportPending(client: pg.PoolClient): Promise<void> {
    if (!options.metrics?.outboxPending || Date.now() < nextReportAt) return;
    nextReportAt = Date.now() + 1_000;
    const { rows } = await client.query<{ pending: number }>(
      'SELECT count(*)::int AS pending FROM kafka_outbox WHERE sent_at IS NULL',
    );
    options.metrics.outboxPending(rows[0]?.pending ?? 0);
  }

  async function run(): Promise<void> {
    const { backoff } = settings;
    let failures = 0;
    while (running) {
      try {
        if (leaderLost && leaderClient) {
          logger.warn({}, 'outbox relay lost its leader session (ended, or frozen past leaderTimeoutMs): standing by');
          await stepDown(true);
        }
        if (!leaderClient && !(await tryToLead())) {
          await wakeUp.wait(settings.standbyIntervalMs);
          continue;
        }
        const client = leaderClient;
        const session = leaderSession;
        if (!client || !session) continue;
        await drain(client, session);
        await reportPending(client);
        failures = 0;
        // The outbox is empty: sleep until a NOTIFY (a commit added rows) or the poll.
        await wakeUp.wait(settings.pollIntervalMs);
      } catch (failure) {
        if (await setAsideRefused(failure).catch(() => false)) continue;
        const error = failure instanceof PublishFailed ? failure.cause : failure;
        failures += 1;
        const backoffMs = backoffDelay(backoff, failures);
        lastError = { code: errorCode(error), message: errorMessage(error), at: new Date() };
        logger.warn(
          { err: error, backoffMs },
          `outbox relay could not publish, rows stay unsent; retrying in ${backoffMs} ms`,
        );
        // A producer whose send failed may hold sequence numbers the broker no longer agrees
        // with; a new one starts clean (and the idempotent producer is cheap to create).
        await producer?.stop().catch(() => {});
        producer = undefined;
        // The database failed (not Kafka): the leader session is gone or cannot be trusted.
        const sessionGone =
          leaderLost ||
          failure instanceof LeadershipLost ||
          (!(failure instanceof PublishFailed) && isDependencyUnavailable(error));
        if (sessionGone) await stepDown(true);
        else if (leaderClient) await reportPending(leaderClient).catch(() => {});
        await wakeUp.wait(backoffMs);
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
    status: () => ({
      role: !running ? 'stopped' : leaderClient && !leaderLost ? 'leader' : 'standby',
      published,
      deadLettered,
      lastDeadLetter,
      lastError,
    }),
  };
}

/** A failure on the Kafka side of the relay, as opposed to the database side. */
class PublishFailed extends Error {
  override readonly cause: unknown;
  /** The batch whose send failed; none if the producer could not even start. */
  readonly batch: OutboxBatch | undefined;

  constructor(cause: unknown, batch?: OutboxBatch) {
    super(errorMessage(cause), { cause });
    this.name = 'PublishFailed';
    this.cause = cause;
    this.batch = batch;
  }
}
