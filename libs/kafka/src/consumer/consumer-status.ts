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
};
