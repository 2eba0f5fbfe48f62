import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { correlationContext } from './correlation-context.ts';

export type Logger = PinoLogger;

/**
 * The part of a Logger that other libraries write to (libs/kafka): its four levels, fields
 * first and then the message. Any Logger fits, and so does a test double of plain functions.
 */
export type ServiceLogger = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** A ServiceLogger that drops everything: the default when a caller passes none. */
export const silentLogger: ServiceLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};

export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface LoggerOptions {
  readonly serviceName: string;
  readonly level?: LogLevel;
  /** Where the JSON lines go; stdout by default (tests pass a stream to read them back). */
  readonly destination?: DestinationStream;
}

/**
 * One JSON object per line on stdout, as log collectors expect: `level` as a word, an ISO
 * `time`, the `service`, and - inside a request or a message handler - its `correlationId`.
 */
export function createLogger({ serviceName, level = 'info', destination }: LoggerOptions): Logger {
  const options = {
    level,
    base: { service: serviceName },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label: string) => ({ level: label }) },
    // Called for every line: adds the ids of the request or message being handled.
    mixin: () => ({ ...correlationContext() }),
  };
  // pino's default destination writes stdout synchronously: no line is lost on exit.
  return destination ? pino(options, destination) : pino(options);
}
