import type { DecodedEvent, TopicDefinition } from '@orderflow/events';

/** The decoded event of any of the topics (a union over topics, narrowed by `type`). */
export type EventOf<Topic extends TopicDefinition> =
  Topic extends TopicDefinition<infer Events> ? DecodedEvent<Events> : never;

/** Where a record came from, and the tools a handler may need. */
export type HandlerContext = {
  readonly groupId: string;
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** 1 on the first try. */
  readonly attempt: number;
  /** Aborted when the runner gives up on this attempt (timeout): stop working, roll back. */
  readonly signal: AbortSignal;
  /** Tells the group this member is alive. The runner also does it while a handler runs. */
  heartbeat(): Promise<void>;
};

/** `duplicate`: the event was handled before and skipped (see withInbox). Nothing = processed. */
export type HandlerOutcome = 'processed' | 'duplicate';

/** Handles one record. */
export type EventHandler<Topic extends TopicDefinition> = (
  event: EventOf<Topic>,
  context: HandlerContext,
) => Promise<HandlerOutcome | void>;

/** One record of a batch: its event and where it came from. */
export type BatchItem<Topic extends TopicDefinition> = {
  readonly event: EventOf<Topic>;
  readonly context: HandlerContext;
};

/**
 * Handles consecutive records of one partition, in offset order, all or nothing (one
 * database transaction, see withBatchInbox): either every record's effect commits, or it
 * throws and none does. Returns each record's outcome, in the items' order.
 */
export type BatchHandler<Topic extends TopicDefinition> = (
  items: readonly BatchItem<Topic>[],
) => Promise<readonly HandlerOutcome[]>;
