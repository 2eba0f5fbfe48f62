import { errorCode, errorMessage } from '@orderflow/events';
import type { ConsumerStatus, LastError, StuckPartition } from './consumer-status.ts';
import { runnerEventNames, type RunnerEventEmitter, type RunnerEventName, type RunnerEvents } from './runner-events.ts';

/** One runner event, as the reducer takes it: its name and what it carried. */
export type RunnerEvent = {
  [Name in RunnerEventName]: { readonly name: Name; readonly data: RunnerEvents[Name][0] };
}[RunnerEventName];

export const initialStatus = (groupId: string): ConsumerStatus => ({
  groupId,
  state: 'stopped',
  memberId: '',
  assignment: {},
  processed: 0,
  duplicates: 0,
  retried: 0,
  deadLettered: 0,
  rebalances: 0,
  lastError: undefined,
  stuck: [],
});

const samePartition =
  (where: { topic: string; partition: number }) =>
  ({ topic, partition }: StuckPartition) =>
    topic === where.topic && partition === where.partition;

const failure = (
  error: unknown,
  at: Date,
  where?: { topic: string; partition: number; offset: string },
): LastError => ({
  code: errorCode(error),
  message: errorMessage(error),
  at,
  ...where,
});

/**
 * GET /status as a fold over the runner's events: the one place where a runner's state
 * changes. Pure: the same events give the same status.
 */
export function reduceStatus(status: ConsumerStatus, event: RunnerEvent): ConsumerStatus {
  switch (event.name) {
    case 'processed':
      return { ...status, processed: status.processed + 1 };
    case 'duplicate':
      return { ...status, duplicates: status.duplicates + 1 };
    case 'retried':
      return { ...status, retried: status.retried + 1 };
    case 'outageWait': {
      const { topic, partition, offset, error } = event.data;
      const lastError = failure(error, new Date(), { topic, partition, offset });
      return {
        ...status,
        retried: status.retried + 1,
        lastError,
        // A stuck partition shows why it waits now (the reason can change: refused, then a lock).
        stuck: status.stuck.map((stuck) =>
          samePartition(event.data)(stuck) ? { ...stuck, code: lastError.code, message: lastError.message } : stuck,
        ),
      };
    }
    case 'stuck': {
      const { topic, partition, offset, since, error } = event.data;
      const { code, message } = failure(error, since);
      const others = status.stuck.filter((stuck) => !samePartition(event.data)(stuck));
      return { ...status, stuck: [...others, { topic, partition, offset, since, code, message }] };
    }
    case 'unstuck':
      return { ...status, stuck: status.stuck.filter((stuck) => !samePartition(event.data)(stuck)) };
    case 'deadLettered': {
      const { topic, partition, offset, error, at } = event.data;
      return {
        ...status,
        deadLettered: status.deadLettered + 1,
        lastError: failure(error, at, { topic, partition, offset }),
      };
    }
    case 'rebalanced':
      return {
        ...status,
        rebalances: status.rebalances + 1,
        memberId: event.data.memberId,
        assignment: event.data.assignment,
      };
    case 'crashed':
      return { ...status, lastError: failure(event.data.error, event.data.at) };
    case 'stateChanged':
      // A stopped runner holds no partitions and is no member of its group.
      return event.data.state === 'stopped'
        ? { ...status, state: 'stopped', memberId: '', assignment: {}, stuck: [] }
        : { ...status, state: event.data.state };
    case 'batchHandled':
    case 'rebalancing':
    case 'restarting':
    case 'restartFailed':
      return status;
  }
}

/** Keeps a runner's status up to date from its events; returns how to read it. */
export function trackStatus(events: RunnerEventEmitter, groupId: string): () => ConsumerStatus {
  let status = initialStatus(groupId);
  for (const name of runnerEventNames) {
    events.on(name, (data: RunnerEvents[typeof name][0]) => {
      status = reduceStatus(status, { name, data } as RunnerEvent);
    });
  }
  return () => status;
}
