import { errorCode, errorMessage } from '@orderflow/events';
import type { ServiceLogger } from '@orderflow/service';
import { describeAssignment } from './assignment-line.ts';
import { positionLabel, type RunnerEventEmitter } from './runner-events.ts';

/**
 * A runner's log lines, one subscriber for all of them: what a person reading the log needs.
 * A record handled is no line (the metrics count those); a retry or an outage wait is a WARN,
 * a dead letter or a crash an ERROR, a passing state of a cluster that has just started INFO.
 */
export function logRunnerEvents(events: RunnerEventEmitter, logger: ServiceLogger, groupId: string): void {
  events.on('retried', ({ topic, partition, offset, attempt, attempts, delayMs, error }) =>
    logger.warn(
      { groupId, topic, partition, offset, attempt, delayMs, err: error },
      `handler failed on ${positionLabel({ topic, partition, offset })} (attempt ${attempt} of ${attempts}), retrying in ${delayMs} ms`,
    ),
  );
  events.on('outageWait', ({ topic, partition, offset, delayMs, error }) =>
    logger.warn(
      { groupId, topic, partition, offset, delayMs, err: error },
      `a dependency is unavailable while handling ${positionLabel({ topic, partition, offset })} (${errorMessage(error)}); waiting ${delayMs} ms, the record is kept`,
    ),
  );
  events.on('stuck', ({ topic, partition, offset, since, error }) =>
    logger.error(
      { groupId, topic, partition, offset, since, err: error },
      `partition ${topic}[${partition}] is stuck: ${positionLabel({ topic, partition, offset })} has waited since ${since.toISOString()} (${errorMessage(error)}); it keeps waiting. If a session holds its rows, end it (docs/09-keys-and-ordering.md)`,
    ),
  );
  events.on('unstuck', ({ topic, partition, offset }) =>
    logger.info(
      { groupId, topic, partition, offset },
      `partition ${topic}[${partition}] is no longer stuck: ${positionLabel({ topic, partition, offset })} went through or was given up`,
    ),
  );
  events.on('deadLettered', ({ topic, partition, offset, attempts, error }) =>
    logger.error(
      { groupId, topic, partition, offset, code: errorCode(error), attempts, err: error },
      `dead-lettered ${positionLabel({ topic, partition, offset })} after ${attempts} attempt(s): ${errorMessage(error)}`,
    ),
  );
  events.on('batchHandled', ({ topic, partition, firstOffset, records, error }) => {
    if (error === undefined) return;
    logger.info(
      { groupId, topic, partition, records, err: error },
      `a batch of ${records} records from ${positionLabel({ topic, partition, offset: firstOffset })} failed (${errorMessage(error)}), nothing of it committed; handling them one by one`,
    );
  });
  events.on('rebalanced', ({ memberId, assignment, isLeader }) =>
    logger.info({ groupId, memberId, assignment, isLeader }, describeAssignment(groupId, memberId, assignment)),
  );
  events.on('rebalancing', ({ memberId }) =>
    logger.info({ groupId, memberId }, `group ${groupId} is rebalancing; member ${memberId} will get a new assignment`),
  );
  events.on('crashed', ({ error, passing }) => {
    // A cluster that has just started is expected to do this; one that keeps doing it is not.
    if (passing) {
      const meaning =
        'the cluster is not ready for the group yet (just started, or its coordinator moved); this passes';
      logger.info({ groupId, err: error }, `consumer of group ${groupId} stopped: ${errorMessage(error)}; ${meaning}`);
      return;
    }
    logger.error({ groupId, err: error }, `consumer of group ${groupId} crashed: ${errorMessage(error)}`);
  });
  events.on('restarting', ({ delayMs, passing }) =>
    logger[passing ? 'info' : 'warn'](
      { groupId, delayMs },
      `group ${groupId}: starting a new consumer in ${delayMs} ms`,
    ),
  );
  events.on('restartFailed', ({ error }) =>
    logger.error({ groupId, err: error }, `group ${groupId}: the consumer could not restart: ${errorMessage(error)}`),
  );
  events.on('stateChanged', ({ state, previous }) => {
    if (state === 'stopped' && previous === 'stopping')
      logger.info({ groupId }, `group ${groupId}: consumer stopped and left the group`);
  });
}
