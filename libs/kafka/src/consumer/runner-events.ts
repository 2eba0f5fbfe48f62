import { EventEmitter } from 'node:events';
import type { Assignment } from './assignment-line.ts';
import type { ConsumerStatus } from './consumer-status.ts';

/** Where a record is: topic, partition and offset (`orders[2]@41`). */
export type RecordPosition = { readonly topic: string; readonly partition: number; readonly offset: string };

/**
 * What a consumer runner reports: one event for each thing that happens to a record, a batch
 * or the group member. The runner's parts only emit; its status (runner-status.ts), its
 * metrics (runner-metrics.ts) and its log lines (runner-log.ts) each subscribe, and a test
 * can wait for the event it expects instead of polling. kafkajs's instrumentation events
 * (`consumer.events.GROUP_JOIN`, ...) work the same way.
 */
export type RunnerEvents = {
  /**
   * A record handled: its effects committed with its inbox row. `durationMs` is its own time,
   * or undefined when it was handled in a batch (the batch reports its time once).
   */
  processed: [RecordPosition & { readonly eventType: string; readonly durationMs: number | undefined }];
  /** A record skipped: its event id was in the inbox already (a redelivery). */
  duplicate: [RecordPosition & { readonly eventType: string }];
  /** A handler attempt failed; the record is tried again after `delayMs`. */
  retried: [
    RecordPosition & {
      readonly eventType: string;
      readonly attempt: number;
      readonly attempts: number;
      readonly delayMs: number;
      readonly error: unknown;
    },
  ];
  /** A dependency (the database) is unavailable: the partition waits `delayMs`, the record is kept. */
  outageWait: [RecordPosition & { readonly eventType: string; readonly delayMs: number; readonly error: unknown }];
  /** A record has waited `stuckAfterMs` in all: its partition is stuck (it keeps waiting). */
  stuck: [RecordPosition & { readonly eventType: string; readonly since: Date; readonly error: unknown }];
  /** The stuck record went through, or the partition was given up (rebalance, stop). */
  unstuck: [RecordPosition & { readonly eventType: string }];
  /** A record written to the group's dead-letter topic, with why. */
  deadLettered: [
    RecordPosition & {
      readonly eventType: string;
      readonly attempts: number;
      readonly error: unknown;
      readonly at: Date;
    },
  ];
  /**
   * Consecutive records of a partition handed to the batch handler in one transaction: committed,
   * or failed (`error`), in which case they go one by one through the single-record path.
   */
  batchHandled: [
    {
      readonly topic: string;
      readonly partition: number;
      readonly firstOffset: string;
      readonly records: number;
      /** The records' event type when all share one, else `mixed`. */
      readonly eventType: string;
      readonly durationMs: number;
      readonly error: unknown;
    },
  ];
  /** The member joined its group and holds this assignment. */
  rebalanced: [{ readonly memberId: string; readonly assignment: Assignment; readonly isLeader: boolean }];
  /** The group started a rebalance: the member will get a new assignment. */
  rebalancing: [{ readonly memberId: string }];
  /** The member stopped on an error; `passing` when the cluster was only not ready yet (just started). */
  crashed: [{ readonly error: unknown; readonly passing: boolean; readonly at: Date }];
  /** A new member will be started after `delayMs`. */
  restarting: [{ readonly delayMs: number; readonly passing: boolean }];
  /** Starting the new member failed; another try follows. */
  restartFailed: [{ readonly error: unknown }];
  /** The runner's lifecycle: starting, running, stopping, stopped. */
  stateChanged: [{ readonly state: ConsumerStatus['state']; readonly previous: ConsumerStatus['state'] }];
};

export type RunnerEventName = keyof RunnerEvents;

/** Every event name, checked by the compiler: a new kind of event cannot be left out. */
export const runnerEventNames = Object.keys({
  processed: true,
  duplicate: true,
  retried: true,
  outageWait: true,
  stuck: true,
  unstuck: true,
  deadLettered: true,
  batchHandled: true,
  rebalanced: true,
  rebalancing: true,
  crashed: true,
  restarting: true,
  restartFailed: true,
  stateChanged: true,
} satisfies Record<RunnerEventName, true>) as RunnerEventName[];

/** A runner's events. Listeners run synchronously, in the order they subscribed. */
export type RunnerEventEmitter = EventEmitter<RunnerEvents>;

export const createRunnerEvents = (): RunnerEventEmitter => new EventEmitter<RunnerEvents>();

export const positionLabel = ({ topic, partition, offset }: RecordPosition) => `${topic}[${partition}]@${offset}`;
