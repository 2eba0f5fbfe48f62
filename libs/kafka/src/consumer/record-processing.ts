import { errorCode, errorMessage } from '../errors/error-code.ts';
import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import { backoffDelay } from '../retry/backoff-delay.ts';
import type { HandlerOutcome } from './consumer-types.ts';
import type { DeadLetterPublisher } from './dead-letter-publisher.ts';
import { pauseWithHeartbeats } from './handler-attempt.ts';
import { isRetriable, retryDelayMs } from './retry-policy.ts';
import { recordLabel, type RecordAt, type RunnerContext } from './runner-context.ts';

export type RecordJob = {
  readonly record: RecordAt;
  readonly heartbeat: () => Promise<void>;
  /** One attempt at the record (timeout and heartbeats included); `attempt` is 1 on the first. */
  readonly attempt: (attempt: number) => Promise<HandlerOutcome | void>;
  readonly deadLetters: DeadLetterPublisher;
};

/**
 * One record until it is dealt with: handled, or dead-lettered. A retriable failure is tried
 * again after a doubling pause, up to the retry policy's attempts; a failure that is not
 * retriable is dead-lettered at once. An unavailable dependency is not the record's fault:
 * the partition waits as long as it takes, and those waits do not count as attempts.
 */
export async function handleRecord(runner: RunnerContext, job: RecordJob): Promise<void> {
  const { groupId, logger, metrics, settings } = runner;
  const { record, heartbeat } = job;
  const { topic, partition, message } = record;
  const started = Date.now();
  let attempt = 1;
  let outageWaits = 0;
  for (;;) {
    try {
      const outcome = (await job.attempt(attempt)) ?? 'processed';
      runner.counts[outcome === 'duplicate' ? 'duplicates' : 'processed'] += 1;
      metrics?.processed?.({ group: groupId, topic, outcome }, Date.now() - started);
      return;
    } catch (error) {
      const code = errorCode(error);
      if (isDependencyUnavailable(error)) {
        // Every record would fail until the database is back. The partition waits (later
        // records of a key must not overtake), and the wait is no attempt of the record's.
        if (runner.state === 'stopping') throw error; // leaves the offset uncommitted: redelivered later
        outageWaits += 1;
        const delayMs = backoffDelay(settings.outageBackoff, outageWaits);
        runner.counts.retried += 1;
        runner.lastError = {
          code,
          message: errorMessage(error),
          at: new Date(),
          topic,
          partition,
          offset: message.offset,
        };
        metrics?.retried?.({ group: groupId, topic, code });
        logger.warn(
          { groupId, topic, partition, offset: message.offset, delayMs, err: error },
          `a dependency is unavailable while handling ${recordLabel(record)} (${errorMessage(error)}); waiting ${delayMs} ms, the record is kept`,
        );
        await pauseWithHeartbeats(delayMs, heartbeat);
        continue;
      }
      if (!isRetriable(error) || attempt >= settings.retry.attempts) {
        await job.deadLetters.publish(record, error, attempt);
        return;
      }
      const delayMs = retryDelayMs(settings.retry, attempt);
      runner.counts.retried += 1;
      metrics?.retried?.({ group: groupId, topic, code });
      logger.warn(
        { groupId, topic, partition, offset: message.offset, attempt, delayMs, err: error },
        `handler failed on ${recordLabel(record)} (attempt ${attempt} of ${settings.retry.attempts}), retrying in ${delayMs} ms`,
      );
      await pauseWithHeartbeats(delayMs, heartbeat);
      attempt += 1;
    }
  }
}
