/**
 * Optional hooks through which this library reports what it does; a service wires them to
 * its Prometheus counters. Declared by shape, so this library needs no metrics package.
 */
export type KafkaMetrics = {
  /** Records the producer published (the relay's batches included). */
  readonly published?: (labels: { topic: string }, count: number) => void;
  /** A consumed record fully handled (or skipped as a duplicate); offset committed. */
  readonly processed?: (
    labels: { group: string; topic: string; outcome: 'processed' | 'duplicate' },
    durationMs: number,
  ) => void;
  /** A handler attempt failed and will be tried again. */
  readonly retried?: (labels: { group: string; topic: string; code: string }) => void;
  /** A record sent to the dead-letter topic. */
  readonly deadLettered?: (labels: { group: string; topic: string; code: string }) => void;
  /** Outbox rows still waiting to be published, after each relay round. */
  readonly outboxPending?: (count: number) => void;
};
