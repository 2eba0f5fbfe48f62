import { deadLetterTopicName, recordToEvent, type DecodedEvent, type TopicDefinition } from '@orderflow/events';
import { Partitioners, type Consumer, type EachMessagePayload, type Kafka, type Producer } from 'kafkajs';
import { isDependencyUnavailable } from '../errors/dependency-unavailable.ts';
import { HandlerTimeoutError } from '../errors/handler-timeout-error.ts';
import { silentLogger, type ServiceLogger } from '../logging/service-logger.ts';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';
import { describeAssignment, type Assignment } from './assignment-line.ts';
import type { ConsumerStatus, LastError } from './consumer-status.ts';
import { deadLetterMessage } from './dead-letter-message.ts';
import { defaultRetryPolicy, errorCode, errorMessage, isRetriable, retryDelayMs, type RetryPolicy } from './retry-policy.ts';

/** The decoded event of any of the topics (a union over topics, narrowed by `type`). */
export type EventOf<Topic extends TopicDefinition> = Topic extends TopicDefinition<infer Events> ? DecodedEvent<Events> : never;

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

export type EventHandler<Topic extends TopicDefinition> = (
  event: EventOf<Topic>,
  context: HandlerContext,
) => Promise<HandlerOutcome | void>;

export type ConsumerRunnerOptions<Topic extends TopicDefinition> = {
  readonly kafka: Kafka;
  /** The consumer group: the service's name. Its dead-letter topics are named after it. */
  readonly groupId: string;
  readonly topics: readonly Topic[];
  readonly handler: EventHandler<Topic>;
  readonly logger?: ServiceLogger;
  readonly metrics?: KafkaMetrics;
  readonly retry?: RetryPolicy;
  /** A handler attempt that takes longer fails with HandlerTimeoutError. Default 30 s. */
  readonly handlerTimeoutMs?: number;
  /**
   * The group drops a member it has not heard from for this long. Default 10 s (Kafka's own
   * default is 45 s): a crashed instance's partitions move on within seconds, which is what
   * the labs show and the fault suite measures; heartbeats every 3 s keep a live one in.
   */
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /**
   * How long a broker may hold a fetch when it has no new records. Shorter means quicker
   * delivery when records trickle in, for more (empty) fetch requests. Default 1 s.
   */
  readonly maxWaitTimeMs?: number;
  /** Partitions handled at once (each still strictly in order). Default 1. */
  readonly partitionsConsumedConcurrently?: number;
};

export type ConsumerRunner = {
  start(): Promise<void>;
  /** Lets the record in flight finish (retries included), commits what is done and leaves the group. */
  stop(): Promise<void>;
  status(): ConsumerStatus;
};

/**
 * Runs a consumer group over catalogue topics: decodes each record at the edge, hands the
 * event to the handler, and commits the record's offset only once it is dealt with.
 *
 * Offsets: kafkajs marks a record's offset as done ("resolved") only once eachMessage has
 * returned, i.e. after the handler's inbox transaction committed or the record was
 * dead-lettered, and its autoCommit commits only resolved offsets: after each fetched batch,
 * at least every second, before a rebalance and on stop. So nothing is committed before it
 * is dealt with, at one commit per batch instead of one per record (committing every record
 * by hand capped a consumer near 100 records/s here). The price: a crash redelivers the
 * records handled since the last commit, which the inbox makes harmless.
 *
 * Failures: an undecodable record, or a handler error that is not retriable, goes to the
 * dead-letter topic at once; a retriable one is tried again with doubling pauses, then
 * dead-lettered. An unavailable dependency (the database is down) is no failure of the
 * record: the runner waits for it as long as it takes and never dead-letters for it. Either way the partition moves on. Only if dead-lettering itself fails
 * is the offset left uncommitted: kafkajs retries, then the member crashes and the runner starts
 * a new one, which reads on from the last committed offset.
 */
export function createConsumerRunner<Topic extends TopicDefinition>(options: ConsumerRunnerOptions<Topic>): ConsumerRunner {
  const { kafka, groupId } = options;
  const logger = options.logger ?? silentLogger;
  const retry = options.retry ?? defaultRetryPolicy;
  const handlerTimeoutMs = options.handlerTimeoutMs ?? 30_000;
  const heartbeatIntervalMs = options.heartbeatIntervalMs ?? 3_000;
  const topicsByName = new Map<string, Topic>(options.topics.map((topic) => [topic.name, topic]));
  // Fails now, not at the first bad record, if a group name makes an illegal topic name.
  const deadLetterTopics = new Map(options.topics.map((topic) => [topic.name, deadLetterTopicName(topic, groupId)]));

  let consumer: Consumer | undefined;
  let producer: Producer | undefined;
  let state: ConsumerStatus['state'] = 'stopped';
  let memberId = '';
  let assignment: Assignment = {};
  const counts = { processed: 0, duplicates: 0, retried: 0, deadLettered: 0, rebalances: 0 };
  let lastError: LastError | undefined;
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  async function deadLetter(payload: EachMessagePayload, error: unknown, attempts: number): Promise<void> {
    const { topic, partition, message } = payload;
    const code = errorCode(error);
    const reason = errorMessage(error);
    const failure = { consumerGroup: groupId, code, message: reason, attempts, failedAt: new Date() };
    const record = { topic, partition, offset: message.offset, key: message.key, value: message.value, timestamp: message.timestamp, headers: message.headers };
    await producer?.send({
      topic: deadLetterTopics.get(topic) ?? deadLetterTopicName({ name: topic }, groupId),
      acks: -1,
      messages: [deadLetterMessage(record, failure)],
    });
    counts.deadLettered += 1;
    lastError = { code, message: reason, at: failure.failedAt, topic, partition, offset: message.offset };
    options.metrics?.deadLettered?.({ group: groupId, topic, code });
    logger.error(
      { groupId, topic, partition, offset: message.offset, code, attempts, err: error },
      `dead-lettered ${topic}[${partition}]@${message.offset} after ${attempts} attempt(s): ${reason}`,
    );
  }

  /** One handler attempt, bounded in time, heartbeating while it runs. */
  async function attempt(event: EventOf<Topic>, payload: EachMessagePayload, attemptNumber: number) {
    const controller = new AbortController();
    const { topic, partition, message } = payload;
    const context: HandlerContext = {
      groupId,
      topic,
      partition,
      offset: message.offset,
      attempt: attemptNumber,
      signal: controller.signal,
      heartbeat: payload.heartbeat,
    };
    // kafkajs heartbeats only between records; a long handler would otherwise be thrown out
    // of the group after sessionTimeout. A failed heartbeat (a rebalance started) is left to
    // the commit after the handler, which then fails and hands the record to the new owner.
    const heartbeats = setInterval(() => payload.heartbeat().catch(() => {}), heartbeatIntervalMs);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const error = new HandlerTimeoutError(handlerTimeoutMs, `${topic}[${partition}]@${message.offset}`);
        controller.abort(error);
        reject(error);
      }, handlerTimeoutMs);
    });
    try {
      return await Promise.race([options.handler(event, context), timeout]);
    } finally {
      clearInterval(heartbeats);
      clearTimeout(timer);
    }
  }

  async function handle(event: EventOf<Topic>, payload: EachMessagePayload): Promise<void> {
    const { topic, partition, message } = payload;
    const started = Date.now();
    let outageWaits = 0;
    for (let attemptNumber = 1; ; attemptNumber += 1) {
      try {
        const outcome = (await attempt(event, payload, attemptNumber)) ?? 'processed';
        counts[outcome === 'duplicate' ? 'duplicates' : 'processed'] += 1;
        options.metrics?.processed?.({ group: groupId, topic, outcome }, Date.now() - started);
        return;
      } catch (error) {
        if (isDependencyUnavailable(error)) {
          // Not this record's fault: every record would fail until the database is back. The
          // partition waits (later records of a key must not overtake), however long it takes,
          // and the attempt does not count towards dead-lettering.
          if (state === 'stopping') throw error; // leaves the offset uncommitted: redelivered later
          outageWaits += 1;
          attemptNumber -= 1;
          const delayMs = Math.min(5_000, 250 * 2 ** Math.min(outageWaits, 5));
          counts.retried += 1;
          lastError = { code: errorCode(error), message: errorMessage(error), at: new Date(), topic, partition, offset: message.offset };
          options.metrics?.retried?.({ group: groupId, topic, code: errorCode(error) });
          logger.warn(
            { groupId, topic, partition, offset: message.offset, delayMs, err: error },
            `a dependency is unavailable while handling ${topic}[${partition}]@${message.offset} (${errorMessage(error)}); waiting ${delayMs} ms, the record is kept`,
          );
          await pauseWithHeartbeats(delayMs, payload.heartbeat);
          continue;
        }
        if (!isRetriable(error) || attemptNumber >= retry.attempts) {
          await deadLetter(payload, error, attemptNumber);
          return;
        }
        const delayMs = retryDelayMs(retry, attemptNumber);
        counts.retried += 1;
        options.metrics?.retried?.({ group: groupId, topic, code: errorCode(error) });
        logger.warn(
          { groupId, topic, partition, offset: message.offset, attempt: attemptNumber, delayMs, err: error },
          `handler failed on ${topic}[${partition}]@${message.offset} (attempt ${attemptNumber} of ${retry.attempts}), retrying in ${delayMs} ms`,
        );
        await pauseWithHeartbeats(delayMs, payload.heartbeat);
      }
    }
  }

  async function eachMessage(payload: EachMessagePayload): Promise<void> {
    const { topic, message } = payload;
    const definition = topicsByName.get(topic);
    if (definition === undefined) throw new Error(`received a record of ${topic}, which this runner did not subscribe to`);
    const decoded = recordToEvent(definition, message);
    if (decoded.ok) {
      await handle(decoded as EventOf<Topic>, payload);
    } else {
      // The same bytes fail the same way every time: no retries.
      await deadLetter(payload, decoded.error, 0);
    }
  }

  function watch(member: Consumer): void {
    member.on(member.events.GROUP_JOIN, ({ payload }) => {
      memberId = payload.memberId;
      assignment = Object.fromEntries(Object.entries(payload.memberAssignment).map(([topic, partitions]) => [topic, [...partitions].sort((a, b) => a - b)]));
      counts.rebalances += 1;
      logger.info({ groupId, memberId, assignment, isLeader: payload.isLeader }, describeAssignment(groupId, memberId, assignment));
    });
    member.on(member.events.REBALANCING, () => {
      logger.info({ groupId, memberId }, `group ${groupId} is rebalancing; member ${memberId} will get a new assignment`);
    });
    member.on(member.events.CRASH, ({ payload }) => {
      lastError = { code: errorCode(payload.error), message: errorMessage(payload.error), at: new Date() };
      logger.error({ groupId, err: payload.error }, `consumer of group ${groupId} crashed: ${lastError.message}`);
      crashes += 1;
      restartAfterCrash(crashes);
    });
    // A member that works again resets the pause before the next restart.
    member.on(member.events.FETCH_START, () => {
      crashes = 0;
    });
  }

  /** Creates a group member, joins and starts it. Used by start() and by restarts after a crash. */
  async function runMember(): Promise<void> {
    const member = kafka.consumer({
      groupId,
      sessionTimeout: options.sessionTimeoutMs ?? 10_000,
      heartbeatInterval: heartbeatIntervalMs,
      maxWaitTimeInMs: options.maxWaitTimeMs ?? 1_000,
      allowAutoTopicCreation: false,
      // The runner restarts a crashed member itself (see restartAfterCrash): kafkajs's own
      // restart timer cannot be cancelled by stop() while it is starting a new member.
      // Short: a member stuck retrying a dead broker (kafkajs keeps asking the old leader
      // for a while) gives up after ~8 s; a new member starts with fresh metadata.
      retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 3_000, restartOnFailure: async () => false },
    });
    watch(member);
    consumer = member;
    try {
      await member.connect();
      // A new group starts at the oldest record: events published before the service's
      // first start are still its business.
      await member.subscribe({ topics: options.topics.map((topic) => topic.name), fromBeginning: true });
      await member.run({
        // See above: commits only what eachMessage finished, per batch and every second.
        autoCommit: true,
        autoCommitInterval: 1_000,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 1,
        eachMessage,
      });
    } catch (error) {
      await member.disconnect().catch(() => {});
      throw error;
    }
  }

  /**
   * Whatever the crash (e.g. a broker restart outlasting kafkajs's retries), start a new
   * member after a pause that doubles up to 5 s: a consumer that stays down silently is
   * worse than one that keeps trying, and a try is cheap. kafkajs has disconnected the
   * crashed one already.
   */
  function restartAfterCrash(failures: number): void {
    // Also while starting: a member whose first join fails crashes instead of throwing.
    if (state !== 'running' && state !== 'starting') return;
    const delayMs = Math.min(5_000, 500 * 2 ** Math.min(failures, 4));
    logger.warn({ groupId, delayMs }, `group ${groupId}: starting a new consumer in ${delayMs} ms`);
    restartTimer = setTimeout(() => {
      restarting = runMember().catch((error: unknown) => {
        logger.error({ groupId, err: error }, `group ${groupId}: the consumer could not restart: ${errorMessage(error)}`);
        restartAfterCrash(failures + 1);
      });
    }, delayMs);
  }

  return {
    async start() {
      if (state !== 'stopped') throw new Error(`consumer runner of ${groupId} is ${state}`);
      state = 'starting';
      // Dead letters keep the original key, so the Java-compatible partitioner, as everywhere.
      producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
      try {
        await producer.connect();
        await runMember();
        state = 'running';
      } catch (error) {
        await producer.disconnect().catch(() => {});
        state = 'stopped';
        throw error;
      }
    },
    async stop() {
      if (state === 'stopped') return;
      state = 'stopping';
      try {
        // No restart may begin now; one already under way is waited for, then stopped below.
        clearTimeout(restartTimer);
        await restarting;
        // disconnect() waits for eachMessage in flight (which commits), then leaves the group.
        await consumer?.disconnect();
      } finally {
        await producer?.disconnect();
        state = 'stopped';
        memberId = '';
        assignment = {};
        logger.info({ groupId }, `group ${groupId}: consumer stopped and left the group`);
      }
    },
    status: () => ({ groupId, state, memberId, assignment, ...counts, lastError }),
  };
}

/** Waits between attempts, telling the group now and then that this member is still alive. */
async function pauseWithHeartbeats(delayMs: number, heartbeat: () => Promise<void>): Promise<void> {
  const until = Date.now() + delayMs;
  while (Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, until - Date.now())));
    await heartbeat().catch(() => {});
  }
}
