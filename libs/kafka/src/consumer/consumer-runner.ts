import { recordToEvent, type TopicDefinition } from '@orderflow/events';
import { settingsOf, silentLogger } from '@orderflow/service';
import type { EachBatchPayload, EachMessagePayload } from 'kafkajs';
import { processBatch } from './batch-processing.ts';
import {
  consumerRunnerDefaults,
  consumerRunnerSettingsSchema,
  type ConsumerRunnerOptions,
} from './consumer-runner-options.ts';
import type { ConsumerStatus } from './consumer-status.ts';
import type { EventHandler, EventOf, HandlerContext } from './consumer-types.ts';
import { createDeadLetterPublisher } from './dead-letter-publisher.ts';
import { attemptWithTimeout } from './handler-attempt.ts';
import { createMemberSupervisor } from './member-supervisor.ts';
import { handleRecord } from './record-processing.ts';
import { recordLabel, type RecordAt, type RunnerContext } from './runner-context.ts';
import { createRunnerEvents, type RunnerEventEmitter } from './runner-events.ts';
import { logRunnerEvents } from './runner-log.ts';
import { countRunnerEvents } from './runner-metrics.ts';
import { trackStatus } from './runner-status.ts';
import { diagnoseTimeout } from './timeout-diagnosis.ts';

// The types live in consumer-types.ts and consumer-runner-options.ts; named here too, where
// a handler's author looks first.
export type {
  BatchHandler,
  BatchItem,
  EventHandler,
  EventOf,
  HandlerContext,
  HandlerOutcome,
} from './consumer-types.ts';
export type { ConsumerRunnerOptions, ConsumerRunnerSettings } from './consumer-runner-options.ts';

export type ConsumerRunner = {
  start(): Promise<void>;
  /** Lets the record (or batch) in flight finish (retries included), commits what is done and leaves the group. */
  stop(): Promise<void>;
  status(): ConsumerStatus;
  /** The topics the group reads (their names). */
  readonly topics: readonly string[];
  /** What happens, as it happens: the status, the metrics and the log lines are built from these. */
  readonly events: RunnerEventEmitter;
};

/**
 * Runs a consumer group over catalogue topics: decodes each record at the edge, hands the
 * event to the handler, and commits the record's offset only once it is dealt with.
 *
 * Offsets: kafkajs marks a record's offset as done ("resolved") only once the handler has
 * returned, i.e. after its inbox transaction committed or the record was dead-lettered, and
 * its autoCommit commits only resolved offsets: after each fetched batch, at least every
 * second, before a rebalance and on stop. So nothing is committed before it is dealt with,
 * at one commit per batch instead of one per record (committing every record by hand capped
 * a consumer near 100 records/s here). The price: a crash redelivers the records handled
 * since the last commit, which the inbox makes harmless.
 *
 * With a `batchHandler`, consecutive records of a partition share one transaction (see
 * batch-processing.ts); a batch that fails falls back to the one-record path below, so the
 * failure rules are those of a single record either way.
 *
 * Failures: an undecodable record, or a handler error that is not retriable, goes to the
 * dead-letter topic at once; a retriable one is tried again with doubling pauses, then
 * dead-lettered. An unavailable dependency (the database is down) is no failure of the
 * record: the runner waits for it as long as it takes and never dead-letters for it; so is a
 * handler timeout during which the database does not answer a probe either (it hangs, see
 * timeout-diagnosis.ts). Either
 * way the partition moves on. Only if dead-lettering itself fails is the offset left
 * uncommitted: kafkajs retries, then the member crashes and the runner starts a new one,
 * which reads on from the last committed offset.
 */
export function createConsumerRunner<Topic extends TopicDefinition>(
  options: ConsumerRunnerOptions<Topic>,
): ConsumerRunner {
  const { kafka, groupId, batchHandler } = options;
  const settings = settingsOf(
    `consumer runner of ${groupId}`,
    consumerRunnerSettingsSchema,
    consumerRunnerDefaults,
    options,
  );
  const events = createRunnerEvents();
  // The status first: the log and metrics subscribers then see a status that includes the event.
  const status = trackStatus(events, groupId);
  logRunnerEvents(events, options.logger ?? silentLogger, groupId);
  if (options.metrics) countRunnerEvents(events, options.metrics);
  const runner: RunnerContext = { groupId, settings, events, state: () => status().state };
  const moveTo = (state: ConsumerStatus['state']) => events.emit('stateChanged', { state, previous: status().state });
  const topicsByName = new Map<string, Topic>(options.topics.map((topic) => [topic.name, topic]));
  const deadLetters = createDeadLetterPublisher(runner, kafka, options.topics);
  // With a batch handler only, a record handled on its own is a batch of one.
  const handler: EventHandler<Topic> =
    options.handler ??
    (async (event, context) => (batchHandler ? (await batchHandler([{ event, context }]))[0] : undefined));

  function decode(record: RecordAt) {
    const definition = topicsByName.get(record.topic);
    if (definition === undefined)
      throw new Error(`received a record of ${record.topic}, which this runner did not subscribe to`);
    const decoded = recordToEvent(definition, record.message);
    return decoded.ok
      ? ({ ok: true, event: decoded as EventOf<Topic> } as const)
      : ({ ok: false, error: decoded.error } as const);
  }

  const contextFor =
    (record: RecordAt, heartbeat: () => Promise<void>) =>
    (attempt: number, signal: AbortSignal): HandlerContext => ({
      groupId,
      topic: record.topic,
      partition: record.partition,
      offset: record.message.offset,
      attempt,
      signal,
      heartbeat,
    });

  const diagnose = (error: unknown) => diagnoseTimeout(error, options.dependencyProbe, settings.probeTimeoutMs);

  /** The one-record path: attempts bounded in time, with retries, outage waits and dead letters. */
  function handleOne(record: RecordAt, event: EventOf<Topic>, heartbeat: () => Promise<void>): Promise<void> {
    const context = contextFor(record, heartbeat);
    const attempt = (attemptNumber: number) =>
      attemptWithTimeout((signal) => handler(event, context(attemptNumber, signal)), {
        timeoutMs: settings.handlerTimeoutMs,
        heartbeatIntervalMs: settings.heartbeatIntervalMs,
        heartbeat,
        label: recordLabel(record),
      }).catch(async (error: unknown) => {
        // A timeout may be the database hanging, not the record: then it is an outage wait.
        throw await diagnose(error);
      });
    return handleRecord(runner, { record, eventType: event.type, heartbeat, attempt, deadLetters });
  }

  async function eachMessage({ topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    const record = { topic, partition, message };
    const decoded = decode(record);
    // The same bytes fail the same way every time: no retries.
    if (!decoded.ok) return deadLetters.publish(record, decoded.error, 0);
    return handleOne(record, decoded.event, heartbeat);
  }

  async function eachBatch(payload: EachBatchPayload): Promise<void> {
    if (!batchHandler) throw new Error('eachBatch needs a batch handler');
    await processBatch(runner, {
      payload,
      decode,
      batchHandler,
      contextFor: (record, attempt, signal) => contextFor(record, payload.heartbeat)(attempt, signal),
      handleOne: (record, event) => handleOne(record, event, payload.heartbeat),
      deadLetters,
      diagnose,
    });
  }

  const member = createMemberSupervisor(runner, {
    kafka,
    topics: options.topics.map((topic) => topic.name),
    run: batchHandler ? { eachBatch, eachBatchAutoResolve: false } : { eachMessage },
  });

  return {
    async start() {
      if (runner.state() !== 'stopped') throw new Error(`consumer runner of ${groupId} is ${runner.state()}`);
      moveTo('starting');
      try {
        await deadLetters.start();
        await member.start();
        moveTo('running');
      } catch (error) {
        await deadLetters.stop().catch(() => {});
        moveTo('stopped');
        throw error;
      }
    },
    async stop() {
      if (runner.state() === 'stopped') return;
      moveTo('stopping');
      try {
        await member.stop();
      } finally {
        await deadLetters.stop();
        moveTo('stopped');
      }
    },
    status,
    topics: options.topics.map((topic) => topic.name),
    events,
  };
}
