import type { TopicDefinition } from '@orderflow/events';
import type { Kafka, RetryOptions } from 'kafkajs';
import type { Backoff } from '../retry/backoff-delay.ts';
import type { BatchHandler, EventHandler } from './consumer-types.ts';
import type { RunnerMetrics } from './runner-metrics.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
import type { DependencyProbe } from './timeout-diagnosis.ts';
import { z } from 'zod';
import type { ServiceLogger } from '@orderflow/service';
import { backoffSchema } from '../retry/backoff-delay.ts';

/**
 * A runner handles records one at a time (`handler`), or in batches (`batchHandler`: one
 * transaction for consecutive records of a partition, far fewer round trips per record).
 * With only a batch handler, a record that must be handled on its own (see batch-processing.ts)
 * goes through it as a batch of one.
 */
type Handlers<Topic extends TopicDefinition> =
  | { readonly handler: EventHandler<Topic>; readonly batchHandler?: BatchHandler<Topic> }
  | { readonly handler?: undefined; readonly batchHandler: BatchHandler<Topic> };

export type ConsumerRunnerOptions<Topic extends TopicDefinition> = Handlers<Topic> & {
  readonly kafka: Kafka;
  /** The consumer group: the service's name. Its dead-letter topics are named after it. */
  readonly groupId: string;
  readonly topics: readonly Topic[];
  readonly logger?: ServiceLogger;
  /** The service's Prometheus metrics, which the runner's events move (runner-metrics.ts). */
  readonly metrics?: RunnerMetrics;
  /**
   * Asked after a handler timeout: does the database answer at all? If not, the timeout is a
   * dependency wait, not the record's failure (timeout-diagnosis.ts). `databaseProbe(pool)`.
   * Without one, a timeout is always the record's.
   */
  readonly dependencyProbe?: DependencyProbe;
} & Partial<ConsumerRunnerSettings>;

/** Everything a runner can be tuned by; the defaults are below. */
export type ConsumerRunnerSettings = {
  readonly retry: RetryPolicy;
  /** A handler attempt (one record, or one batch) that takes longer fails with HandlerTimeoutError. */
  readonly handlerTimeoutMs: number;
  /** How long the dependency probe after a handler timeout may take before the database counts as hung. */
  readonly probeTimeoutMs: number;
  /**
   * The group drops a member it has not heard from for this long. Kafka's own default is
   * 45 s; 10 s moves a crashed instance's partitions on within seconds, which is what the
   * labs show and the fault suite measures; heartbeats every 3 s keep a live one in.
   */
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /**
   * How long a broker may hold a fetch when it has no new records. Shorter means quicker
   * delivery when records trickle in, for more (empty) fetch requests.
   */
  readonly maxWaitTimeMs: number;
  /**
   * The bytes a broker waits for (up to maxWaitTimeMs) before it answers a fetch: Kafka's
   * fetch.min.bytes. 1 answers as soon as there is one record: lowest latency, and under load
   * a fetch (and a transaction) per handful of records. A consumer for whom a few hundred ms
   * do not matter asks for more, and gets fewer, fuller fetches.
   */
  readonly minBytes: number;
  /** Partitions handled at once (each still strictly in order). */
  readonly partitionsConsumedConcurrently: number;
  /** The most records of one partition handed to the batch handler at once (one transaction). */
  readonly maxBatchRecords: number;
  /** The pauses while a dependency (the database) is unavailable: the record waits, however long. */
  readonly outageBackoff: Backoff;
  /**
   * A record that has waited this long in all (outage waits and its attempts) marks its
   * partition as stuck: in /status, the metrics and the log, until it goes through. It still
   * waits (later records of its key must not overtake); the mark says a person should look,
   * e.g. for a session holding its row locks (docs/09-keys-and-ordering.md).
   */
  readonly stuckAfterMs: number;
  /** The pauses before a crashed group member is replaced by a new one. */
  readonly restartBackoff: Backoff;
  /**
   * kafkajs's retries inside one member. Short: a member stuck retrying a dead broker (kafkajs
   * keeps asking the old leader for a while) gives up after ~8 s, and the runner starts a new
   * member with fresh metadata. The runner restarts it itself (see member-supervisor.ts).
   */
  readonly memberRetry: Omit<RetryOptions, 'restartOnFailure'>;
};

export const consumerRunnerDefaults: ConsumerRunnerSettings = {
  retry: defaultRetryPolicy,
  handlerTimeoutMs: 30_000,
  probeTimeoutMs: 2_000,
  sessionTimeoutMs: 10_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 1_000,
  minBytes: 1,
  partitionsConsumedConcurrently: 1,
  maxBatchRecords: 500,
  outageBackoff: { initialMs: 500, maxMs: 5_000 },
  stuckAfterMs: 180_000,
  restartBackoff: { initialMs: 1_000, maxMs: 5_000 },
  memberRetry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000 },
};

const positive = z.number().int().positive();

/**
 * The settings as the runner checks them when it is created: every number a whole, positive
 * one, and the rules that span fields. Kafka itself refuses a heartbeat interval that is not
 * below the session timeout only when the member joins; here it fails at construction.
 */
export const consumerRunnerSettingsSchema: z.ZodType<ConsumerRunnerSettings> = z
  .object({
    retry: z.object({ attempts: positive, backoff: backoffSchema }),
    handlerTimeoutMs: positive,
    probeTimeoutMs: positive,
    sessionTimeoutMs: positive,
    heartbeatIntervalMs: positive,
    maxWaitTimeMs: z.number().int().nonnegative(),
    minBytes: positive,
    partitionsConsumedConcurrently: positive,
    maxBatchRecords: positive,
    outageBackoff: backoffSchema,
    stuckAfterMs: positive,
    restartBackoff: backoffSchema,
    memberRetry: z.custom<ConsumerRunnerSettings['memberRetry']>(
      (value) => typeof value === 'object' && value !== null,
    ),
  })
  .refine((settings) => settings.heartbeatIntervalMs < settings.sessionTimeoutMs, {
    path: ['heartbeatIntervalMs'],
    message: 'must be below sessionTimeoutMs (Kafka recommends a third of it at most)',
  });
