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

/** A kafkajs `logCreator` that writes kafkajs's lines to the service logger, one JSON line each. */
export function kafkaLogCreator(logger: ServiceLogger): logCreator {
  return () => (entry) => {
    // kafkajs's own timestamp is dropped: the service logger stamps every line itself.
    const fields = Object.fromEntries(Object.entries(entry.log).filter(([name]) => name !== 'message' && name !== 'timestamp'));
    logger[serviceLevelFor(entry)]({ component: 'kafkajs', namespace: entry.namespace, ...fields }, entry.log.message);
  };
}
