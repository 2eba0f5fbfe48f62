import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { ServiceLogger } from '@orderflow/service';
import { isExpectedBrokerAnswer, isRetriableBrokerAnswer } from './broker-error-answer.ts';

export type ServiceLogLevel = keyof ServiceLogger;

/**
 * The level a kafkajs log line deserves in the service log.
 *
 * kafkajs logs every error answer a broker gives at ERROR, even the ones it is about to
 * retry ("there is no leader for this partition", "the coordinator is loading"), so a
 * broker restart floods the log with errors that fix themselves.
 * - A broker's error answer (`Response …` from the connection) is also thrown to the code
 *   that asked, which retries it or reports it as a real failure. A retriable one is a
 *   passing state: debug. A first start of a fresh cluster gave 20 such WARN lines
 *   (Metadata: no leader yet; GroupCoordinator, DescribeGroups: coordinator not available or
 *   loading), all of them fixed by kafkajs's next try. So is CreateTopics's "Topic creation
 *   errors" (see broker-error-answer.ts). Any other answer stays a WARN.
 * - A consumer's crash on such a passing state (kafkajs's "Crash: …" line), and kafkajs's
 *   restart of it, are INFO: kafkajs restarts the consumer (or our member supervisor does,
 *   saying so). On that first start order-service's and notification-service's members and
 *   the console's consumer each crashed once on "the coordinator is loading" or "not the
 *   correct coordinator".
 * - A line that says it will be retried (it carries `retryCount`) becomes a WARN.
 * Everything else keeps its level, so a real crash is still an ERROR.
 */
export function serviceLevelFor(entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>): ServiceLogLevel {
  switch (entry.level) {
    case logLevel.ERROR:
    case logLevel.NOTHING: {
      const brokerAnswer = entry.namespace === 'Connection' && entry.log.message.startsWith('Response ');
      if (brokerAnswer) return isExpectedBrokerAnswer((entry.log as { error?: unknown }).error) ? 'debug' : 'warn';
      if (crashedOnPassingState(entry.log.message) || entry.log.message.startsWith('Restarting the consumer'))
        return 'info';
      const retried = 'retryCount' in entry.log;
      return retried ? 'warn' : 'error';
    }
    case logLevel.WARN:
      // Our producers' retries are limited on purpose: a send that keeps failing must reach
      // the outbox relay, which backs off, reports the outage and sends again with a new
      // producer (the inbox absorbs a duplicate). kafkajs warns about that at every start.
      return entry.log.message.startsWith('Limiting retries for the idempotent producer') ? 'debug' : 'warn';
    case logLevel.INFO:
      return 'info';
    default:
      return 'debug';
  }
}

/**
 * Whether kafkajs's "Crash: <name>: <message>" line is about a passing state: kafkajs's rule
 * for restarting a consumer (out of retries, or a retriable broker answer; see
 * consumer/passing-crash.ts for the same rule on the error itself).
 */
function crashedOnPassingState(message: string): boolean {
  const crash = /^Crash: (\w+): (.*)$/s.exec(message);
  return crash !== null && (crash[1] === 'KafkaJSNumberOfRetriesExceeded' || isRetriableBrokerAnswer(crash[2]));
}

/** How long one broker's lost connection is reported once: later failures to reach it are debug. */
export const brokerLossQuietMs = 60_000;

/**
 * A broker that stops (a restart, a failure) makes every connection to it fail, and kafkajs
 * logs each failed (re)connect as an ERROR: a few dozen lines per client within seconds while
 * it finds the new leaders. That is an expected event in a replicated cluster, so it is said
 * once per broker, as a WARN, and then quietly (debug) for `brokerLossQuietMs`.
 */
function brokerLossReporter(now: () => number) {
  const reportedAt = new Map<string, number>();
  return (
    entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>,
  ): { level: ServiceLogLevel; message: string } | undefined => {
    const { message } = entry.log;
    const broker = (entry.log as { broker?: unknown }).broker;
    const lost =
      entry.level === logLevel.ERROR && entry.namespace === 'Connection' && /^Connection (error|timeout)/.test(message);
    if (!lost || typeof broker !== 'string') return undefined;
    const last = reportedAt.get(broker);
    if (last !== undefined && now() - last < brokerLossQuietMs) return { level: 'debug', message };
    reportedAt.set(broker, now());
    return {
      level: 'warn',
      message: `lost the connection to broker ${broker} (${message}); kafkajs reconnects, and finds the partitions' new leaders if it stays down`,
    };
  };
}

/** A kafkajs `logCreator` that writes kafkajs's lines to the service logger, one JSON line each. */
export function kafkaLogCreator(logger: ServiceLogger, now: () => number = Date.now): logCreator {
  return () => {
    const brokerLoss = brokerLossReporter(now);
    return (entry) => {
      // kafkajs's own timestamp is dropped: the service logger stamps every line itself.
      const fields = Object.fromEntries(
        Object.entries(entry.log).filter(([name]) => name !== 'message' && name !== 'timestamp'),
      );
      const { level, message } = brokerLoss(entry) ?? { level: serviceLevelFor(entry), message: entry.log.message };
      logger[level]({ component: 'kafkajs', namespace: entry.namespace, ...fields }, message);
    };
  };
}
