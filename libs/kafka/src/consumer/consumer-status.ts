import type { Assignment } from './assignment-line.ts';

/** The last failure a runner saw: a dead-lettered record or a consumer crash. */
export type LastError = {
  readonly code: string;
  readonly message: string;
  readonly at: Date;
  readonly topic?: string;
  readonly partition?: number;
  readonly offset?: string;
};

/**
 * A partition whose record has waited longer than `stuckAfterMs` for its dependency (the
 * database refuses, hangs, or a lock is held): `code` and `message` say the latest reason.
 */
export type StuckPartition = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** When the record's first attempt started. */
  readonly since: Date;
  readonly code: string;
  readonly message: string;
};

/**
 * What a consumer runner is doing, for `GET /status` and metrics. (kafkajs does not tell a
 * member its group generation, so there is none here.)
 */
export type ConsumerStatus = {
  readonly groupId: string;
  readonly state: 'stopped' | 'starting' | 'running' | 'stopping';
  /** Empty until the member has joined the group. */
  readonly memberId: string;
  readonly assignment: Assignment;
  /** Records handled; their offsets are committed with the runner's next commit (per batch). */
  readonly processed: number;
  /** Records skipped because their event was handled before (inbox). */
  readonly duplicates: number;
  readonly retried: number;
  readonly deadLettered: number;
  readonly rebalances: number;
  readonly lastError: LastError | undefined;
  /** Partitions held up by a record that keeps waiting (see StuckPartition); empty when all move. */
  readonly stuck: readonly StuckPartition[];
};
