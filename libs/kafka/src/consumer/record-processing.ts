import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import { backoffDelay } from '../retry/backoff-delay.ts';
import type { HandlerOutcome } from './consumer-types.ts';
import type { DeadLetterPublisher } from './dead-letter-publisher.ts';
import { pauseWithHeartbeats } from './handler-attempt.ts';
import { isRetriable, retryDelayMs } from './retry-policy.ts';
import { positionOf, type RecordAt, type RunnerContext } from './runner-context.ts';

export type RecordJob = {
  readonly record: RecordAt;
  /** The decoded event's type, for what the runner reports. */
  readonly eventType: string;
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
 *
 * A wait ends early when the group rebalances (a heartbeat says so, see group-rebalance.ts):
 * the error is thrown on to kafkajs, which rejoins at once instead of holding the group up, and
 * the record's offset stays unresolved, so whoever owns the partition next gets it again.
 */
export async function handleRecord(runner: RunnerContext, job: RecordJob): Promise<void> {
  const { events, settings } = runner;
  const { record, eventType, heartbeat } = job;
  const position = positionOf(record);
  const started = Date.now();
  let attempt = 1;
  let outageWaits = 0;
  let stuck = false;
  try {
    for (;;) {
      try {
        const outcome = (await job.attempt(attempt)) ?? 'processed';
        if (outcome === 'duplicate') events.emit('duplicate', { ...position, eventType });
        else events.emit('processed', { ...position, eventType, durationMs: Date.now() - started });
        return;
      } catch (error) {
        if (isDependencyUnavailable(error)) {
          // Every record would fail until the database is back. The partition waits (later
          // records of a key must not overtake), and the wait is no attempt of the record's.
          if (runner.state() === 'stopping') throw error; // leaves the offset uncommitted: redelivered later
          outageWaits += 1;
          const delayMs = backoffDelay(settings.outageBackoff, outageWaits);
          events.emit('outageWait', { ...position, eventType, delayMs, error });
          // Waiting is right, waiting unseen is not: past the bound, a person should look.
          if (!stuck && Date.now() - started >= settings.stuckAfterMs) {
            stuck = true;
            events.emit('stuck', { ...position, eventType, since: new Date(started), error });
          }
          await pauseWithHeartbeats(delayMs, heartbeat);
          continue;
        }
        if (!isRetriable(error) || attempt >= settings.retry.attempts) {
          await job.deadLetters.publish(record, error, attempt);
          return;
        }
        const delayMs = retryDelayMs(settings.retry, attempt);
        events.emit('retried', { ...position, eventType, attempt, attempts: settings.retry.attempts, delayMs, error });
        await pauseWithHeartbeats(delayMs, heartbeat);
        attempt += 1;
      }
    }
  } finally {
    // Handled, or given up (a rebalance, a stop): either way the partition no longer waits here.
    if (stuck) events.emit('unstuck', { ...position, eventType });
  }
}
