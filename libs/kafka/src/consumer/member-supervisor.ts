import type { Consumer, ConsumerRunConfig, Kafka } from 'kafkajs';
import { backoffDelay } from '../retry/backoff-delay.ts';
import { crashedOnPassingState, passingCrashesToldAsInfo } from './passing-crash.ts';
import type { RunnerContext } from './runner-context.ts';

export type MemberSupervisor = {
  /** Creates a group member, joins and starts it. */
  start(): Promise<void>;
  /** No restart may begin now; then the member finishes what it holds, commits and leaves. */
  stop(): Promise<void>;
};

export type MemberOptions = {
  readonly kafka: Kafka;
  readonly topics: readonly string[];
  /** How the member consumes (eachMessage or eachBatch), given to kafkajs's run(). */
  readonly run: Pick<ConsumerRunConfig, 'eachMessage' | 'eachBatch' | 'eachBatchAutoResolve'>;
};

/**
 * Keeps one consumer group member running: reports every assignment, and whatever crashes it
 * (e.g. a broker restart outlasting kafkajs's retries) starts a new member after a pause
 * that doubles up to 5 s. A consumer that stays down silently is worse than one that keeps
 * trying, and a try is cheap. kafkajs's own restart (`restartOnFailure`) is off: its timer
 * cannot be cancelled by stop() while it is starting a new member.
 */
export function createMemberSupervisor(runner: RunnerContext, options: MemberOptions): MemberSupervisor {
  const { groupId, events, settings } = runner;
  let consumer: Consumer | undefined;
  let crashes = 0;
  let restartTimer: NodeJS.Timeout | undefined;
  let restarting: Promise<void> | undefined;

  function watch(member: Consumer): void {
    member.on(member.events.GROUP_JOIN, ({ payload }) => {
      const assignment = Object.fromEntries(
        Object.entries(payload.memberAssignment).map(([topic, partitions]) => [
          topic,
          [...partitions].sort((a, b) => a - b),
        ]),
      );
      events.emit('rebalanced', { memberId: payload.memberId, assignment, isLeader: payload.isLeader });
    });
    member.on(member.events.REBALANCING, ({ payload }) => {
      events.emit('rebalancing', { memberId: payload.memberId });
    });
    member.on(member.events.CRASH, ({ payload }) => {
      crashes += 1;
      // A cluster that has just started is expected to do this; one that keeps doing it is not.
      const passing = crashedOnPassingState(payload.error) && crashes <= passingCrashesToldAsInfo;
      events.emit('crashed', { error: payload.error, passing, at: new Date() });
      restartAfterCrash(crashes, passing);
    });
    // A member that works again resets the pause before the next restart.
    member.on(member.events.FETCH_START, () => {
      crashes = 0;
    });
  }

  async function runMember(): Promise<void> {
    const member = options.kafka.consumer({
      groupId,
      sessionTimeout: settings.sessionTimeoutMs,
      heartbeatInterval: settings.heartbeatIntervalMs,
      maxWaitTimeInMs: settings.maxWaitTimeMs,
      minBytes: settings.minBytes,
      allowAutoTopicCreation: false,
      retry: { ...settings.memberRetry, restartOnFailure: async () => false },
    });
    watch(member);
    consumer = member;
    try {
      await member.connect();
      // A new group starts at the oldest record: events published before the service's
      // first start are still its business.
      await member.subscribe({ topics: [...options.topics], fromBeginning: true });
      // Commits only what the handlers finished (resolved offsets): per batch and every second.
      await member.run({
        autoCommit: true,
        autoCommitInterval: 1_000,
        partitionsConsumedConcurrently: settings.partitionsConsumedConcurrently,
        ...options.run,
      });
    } catch (error) {
      await member.disconnect().catch(() => {});
      throw error;
    }
  }

  function restartAfterCrash(failures: number, passing = false): void {
    // Also while starting: a member whose first join fails crashes instead of throwing.
    if (runner.state() !== 'running' && runner.state() !== 'starting') return;
    const delayMs = backoffDelay(settings.restartBackoff, failures);
    events.emit('restarting', { delayMs, passing });
    restartTimer = setTimeout(() => {
      restarting = runMember().catch((error: unknown) => {
        events.emit('restartFailed', { error });
        restartAfterCrash(failures + 1);
      });
    }, delayMs);
  }

  return {
    start: runMember,
    async stop() {
      clearTimeout(restartTimer);
      // A restart already under way is waited for, then stopped below.
      await restarting;
      // disconnect() waits for the handler in flight (which commits), then leaves the group.
      await consumer?.disconnect();
    },
  };
}
