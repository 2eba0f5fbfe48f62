import { Kafka, logLevel, type RetryOptions } from 'kafkajs';
import { kafkaLogCreator } from '../logging/kafka-log-creator.ts';
import { silentLogger, type ServiceLogger } from '../logging/service-logger.ts';

export type KafkaClientOptions = {
  readonly brokers: readonly string[];
  /** Names this service to the brokers (in their logs and quotas): the service name. */
  readonly clientId: string;
  readonly logger?: ServiceLogger;
  /** kafkajs's lowest level to pass on; DEBUG is very chatty. Default: INFO. */
  readonly logLevel?: logLevel;
  /** How kafkajs retries a failed request (defaults below). */
  readonly retry?: RetryOptions;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
};

/**
 * kafkajs's own default gives up after 5 retries (about 10 s), shorter than a broker restart.
 * This rides out a rolling restart: up to 8 retries, 300 ms growing to 10 s between them.
 * Past that, callers see the error: the producer's caller retries (the outbox relay does),
 * and a crashed consumer is restarted by kafkajs (`restartOnFailure`, retriable errors).
 */
export const defaultRetry: RetryOptions = { initialRetryTime: 300, maxRetryTime: 10_000, retries: 8 };

/** The one kafkajs client of a service, from config; producers, consumers and admins come from it. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  return new Kafka({
    brokers: [...options.brokers],
    clientId: options.clientId,
    retry: { ...defaultRetry, ...options.retry },
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    logLevel: options.logLevel ?? logLevel.INFO,
    logCreator: kafkaLogCreator(options.logger ?? silentLogger),
  });
}
