import type { TopicDefinition } from '@orderflow/events';
import type { EachBatchPayload } from 'kafkajs';
import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import type { BatchHandler, EventOf, HandlerContext } from './consumer-types.ts';
import type { DeadLetterPublisher } from './dead-letter-publisher.ts';
import { attemptWithTimeout } from './handler-attempt.ts';
import { positionOf, recordLabel, type RecordAt, type RunnerContext } from './runner-context.ts';

type Decoded<Topic extends TopicDefinition> =
  { readonly ok: true; readonly event: EventOf<Topic> } | { readonly ok: false; readonly error: unknown };
type DecodedRecord<Topic extends TopicDefinition> = { readonly record: RecordAt; readonly event: EventOf<Topic> };

export type BatchJob<Topic extends TopicDefinition> = {
  readonly payload: EachBatchPayload;
  readonly decode: (record: RecordAt) => Decoded<Topic>;
  readonly batchHandler: BatchHandler<Topic>;
  readonly contextFor: (record: RecordAt, attempt: number, signal: AbortSignal) => HandlerContext;
  /** The one-record path: retries, outage waits and dead-lettering (record-processing.ts). */
  readonly handleOne: (record: RecordAt, event: EventOf<Topic>) => Promise<void>;
  readonly deadLetters: DeadLetterPublisher;
  /** A failed attempt's error as the runner sees it: a timeout may be a hung database (timeout-diagnosis.ts). */
  readonly diagnose: (error: unknown) => Promise<unknown>;
};

/**
 * A fetched batch of one partition, in offset order, `maxBatchRecords` at a time: the
 * decodable records between two undecodable ones go to the batch handler together (one
 * transaction: one inbox insert for all their event ids, their effects in offset order, one
 * COMMIT). An undecodable record is dead-lettered in its place, as always.
 *
 * If a batch fails, nothing of it committed: it is split in two halves, each tried as a batch
 * again, down to single records, which meet exactly the retry, outage-wait and dead-letter
 * rules they meet alone. A poison record costs a few failed batches (about log2 of the batch
 * size, 9 for 500), and the records around it still go in batches. Unless the failure is the
 * database's (it refuses, or hangs: timeout-diagnosis.ts): then the first record waits it out
 * alone, and the rest follow as a batch.
 *
 * Heartbeats: a batch can take longer than the session timeout (records one by one, a run of
 * poison records). kafkajs heartbeats between the batches it hands over, empty ones included,
 * which kept a member in its group through 16 s of records one by one in a test; the runner
 * does not rely on that: every long loop here calls heartbeat() (kafkajs sends at most one per
 * heartbeatInterval), and a failed heartbeat (the group is rebalancing) ends the batch.
 *
 * Offsets: a record's offset is resolved only after its transaction committed (or it was
 * dead-lettered), and kafkajs commits only resolved offsets. The batch ends early when the
 * consumer stops (isRunning), the partition was sought elsewhere (isStale: in kafkajs 2.2.4
 * only a seek() makes it so, it does not mean "revoked"), or the group rebalances: the
 * heartbeat after a run, or one during a record's outage wait or retry pause, then throws
 * REBALANCE_IN_PROGRESS (group-rebalance.ts), which ends eachBatch, and kafkajs rejoins. What
 * is not resolved is fetched again, by this member or the partition's new owner, and the
 * inbox drops what already committed.
 */
export async function processBatch<Topic extends TopicDefinition>(
  runner: RunnerContext,
  job: BatchJob<Topic>,
): Promise<void> {
  const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = job.payload;
  const records = batch.messages.map((message) => ({ topic: batch.topic, partition: batch.partition, message }));
  const stillOurs = () => isRunning() && !isStale();
  for (let start = 0; start < records.length && stillOurs(); start += runner.settings.maxBatchRecords) {
    let run: DecodedRecord<Topic>[] = [];
    for (const record of records.slice(start, start + runner.settings.maxBatchRecords)) {
      const decoded = job.decode(record);
      if (decoded.ok) {
        run.push({ record, event: decoded.event });
        continue;
      }
      if (!(await handleRun(runner, job, run, stillOurs))) return;
      run = [];
      // The same bytes fail the same way every time: no retries.
      await job.deadLetters.publish(record, decoded.error, 0);
      resolveOffset(record.message.offset);
      // A run of poison records is a long loop too: the group must hear from this member.
      await heartbeat();
    }
    if (!(await handleRun(runner, job, run, stillOurs))) return;
    await heartbeat();
    await commitOffsetsIfNecessary();
  }
}

/** Handles a run of decoded records; false if the partition is no longer ours (stop the batch). */
async function handleRun<Topic extends TopicDefinition>(
  runner: RunnerContext,
  job: BatchJob<Topic>,
  run: readonly DecodedRecord<Topic>[],
  stillOurs: () => boolean,
): Promise<boolean> {
  const first = run[0];
  if (!first || !stillOurs()) return stillOurs();
  if (run.length === 1) {
    await job.handleOne(first.record, first.event);
    job.payload.resolveOffset(first.record.message.offset);
    await job.payload.heartbeat();
    return stillOurs();
  }
  const failure = await handleAsBatch(runner, job, run);
  if (failure === undefined) return stillOurs();
  // Nothing of it committed. The database, not a record? Halving would only meet it again, a
  // timeout per half if it hangs: the first record waits it out alone, the rest follow.
  if (isDependencyUnavailable(await job.diagnose(failure.error))) {
    return (
      (await handleRun(runner, job, run.slice(0, 1), stillOurs)) && handleRun(runner, job, run.slice(1), stillOurs)
    );
  }
  // Else each half as a batch again, in offset order.
  const middle = Math.ceil(run.length / 2);
  return (
    (await handleRun(runner, job, run.slice(0, middle), stillOurs)) &&
    handleRun(runner, job, run.slice(middle), stillOurs)
  );
}

/** One transaction for the whole run; the error if it failed (and nothing of it committed). */
async function handleAsBatch<Topic extends TopicDefinition>(
  runner: RunnerContext,
  job: BatchJob<Topic>,
  run: readonly DecodedRecord<Topic>[],
): Promise<{ readonly error: unknown } | undefined> {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return undefined;
  const { events, settings } = runner;
  const started = Date.now();
  const types = new Set(run.map(({ event }) => event.type));
  const handled = {
    topic: first.record.topic,
    partition: first.record.partition,
    firstOffset: first.record.message.offset,
    records: run.length,
    eventType: types.size === 1 ? first.event.type : 'mixed',
  };
  try {
    const outcomes = await attemptWithTimeout(
      (signal) =>
        job.batchHandler(run.map(({ record, event }) => ({ event, context: job.contextFor(record, 1, signal) }))),
      {
        timeoutMs: settings.handlerTimeoutMs,
        heartbeatIntervalMs: settings.heartbeatIntervalMs,
        heartbeat: job.payload.heartbeat,
        label: `${recordLabel(first.record)}..${last.record.message.offset}`,
      },
    );
    events.emit('batchHandled', { ...handled, durationMs: Date.now() - started, error: undefined });
    // The batch reported its time once; each record is counted, not timed.
    run.forEach(({ record, event }, index) => {
      const eventType = event.type;
      if (outcomes[index] === 'duplicate') events.emit('duplicate', { ...positionOf(record), eventType });
      else events.emit('processed', { ...positionOf(record), eventType, durationMs: undefined });
    });
    job.payload.resolveOffset(last.record.message.offset);
    return undefined;
  } catch (error) {
    events.emit('batchHandled', { ...handled, durationMs: Date.now() - started, error });
    return { error };
  }
}
