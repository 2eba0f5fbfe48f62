import { logLevel, type LogEntry, type logCreator } from 'kafkajs';
import type { ServiceLogger } from './service-logger.ts';

export type ServiceLogLevel = keyof ServiceLogger;

/**
 * The level a kafkajs log line deserves in the service log.
 *
 * kafkajs logs every error answer a broker gives at ERROR, even the ones it is about to
 * retry ("there is no leader for this partition", "the coordinator is loading"), so a
 * broker restart floods the log with errors that fix themselves. Those become WARN:
 * - a line that says it will be retried (it carries `retryCount`),
 * - a broker's error answer (`Response …` from the connection): it is also thrown to
 *   the code that asked, which retries it or reports it as a real failure.
 * Everything else keeps its level, so a real crash is still an ERROR.
 */
export function serviceLevelFor(entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>): ServiceLogLevel {
  switch (entry.level) {
    case logLevel.ERROR:
    case logLevel.NOTHING: {
      const retried = 'retryCount' in entry.log || entry.log.message.startsWith('Restarting the consumer');
      const brokerAnswer = entry.namespace === 'Connection' && entry.log.message.startsWith('Response ');
      return retried || brokerAnswer ? 'warn' : 'error';
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
  return (entry: Pick<LogEntry, 'namespace' | 'level' | 'log'>): { level: ServiceLogLevel; message: string } | undefined => {
    const { message } = entry.log;
    const broker = (entry.log as { broker?: unknown }).broker;
    const lost = entry.level === logLevel.ERROR && entry.namespace === 'Connection' && /^Connection (error|timeout)/.test(message);
    if (!lost || typeof broker !== 'string') return undefined;
    const last = reportedAt.get(broker);
    if (last !== undefined && now() - last < brokerLossQuietMs) return { level: 'debug', message };
    reportedAt.set(broker, now());
    return { level: 'warn', message: `lost the connection to broker ${broker} (${message}); kafkajs reconnects, and finds the partitions' new leaders if it stays down` };
  };
}

/** A kafkajs `logCreator` that writes kafkajs's lines to the service logger, one JSON line each. */
export function kafkaLogCreator(logger: ServiceLogger, now: () => number = Date.now): logCreator {
  return () => {
    const brokerLoss = brokerLossReporter(now);
    return (entry) => {
      // kafkajs's own timestamp is dropped: the service logger stamps every line itself.
      const fields = Object.fromEntries(Object.entries(entry.log).filter(([name]) => name !== 'message' && name !== 'timestamp'));
      const { level, message } = brokerLoss(entry) ?? { level: serviceLevelFor(entry), message: entry.log.message };
      logger[level]({ component: 'kafkajs', namespace: entry.namespace, ...fields }, message);
    };
  };
}
