import { readFileSync } from 'node:fs';
import { Kafka, logLevel, type RetryOptions } from 'kafkajs';
import { kafkaLogCreator } from '../logging/kafka-log-creator.ts';
// For its effect: kafkajs's idle 1 ms loop per broker connection stops (see the file).
import '../kafkajs-workarounds/request-queue-idle-loop.ts';
import { silentLogger, type ServiceLogger } from '@orderflow/service';

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
  /** A secured cluster: log in with SCRAM-SHA-512 over TLS that trusts `caFile`. None: plaintext. */
  readonly login?: KafkaLogin | undefined;
};

/** A SCRAM-SHA-512 user and the CA (PEM file) that signed the brokers' certificates. */
export type KafkaLogin = { readonly username: string; readonly password: string; readonly caFile: string };

/** Where a client connects and how it logs in: enough for another client to reach the same cluster as the same user. */
export type KafkaConnection = Pick<KafkaClientOptions, 'brokers' | 'clientId' | 'login'>;

// What each client was made with: errors name its user (connect-to-kafka.ts), and the one admin
// call kafkajs lacks goes through another client with the same settings (set-topic-config.ts).
const connections = new WeakMap<Kafka, KafkaConnection>();

/** The settings a client was made with here; undefined for a kafkajs client made elsewhere. */
export function kafkaConnectionOf(kafka: Kafka): KafkaConnection | undefined {
  return connections.get(kafka);
}

/** The SCRAM user a client logs in as; undefined on a plaintext cluster. */
export function kafkaUsernameOf(kafka: Kafka): string | undefined {
  return connections.get(kafka)?.login?.username;
}

/**
 * kafkajs's own default gives up after 5 retries (about 10 s in all), shorter than a broker
 * restart. This rides out a rolling restart: up to 20 retries over about 35 s. The pause between
 * them stops growing at 2 s (kafkajs's own cap, `maxRetryTime`, is 30 s, so with more retries
 * its pauses would keep doubling past 10 s): when a partition leader dies, its partitions get a
 * new leader once the controller drops the dead broker (KRaft's `broker.session.timeout.ms`,
 * 9 s), and a client that happens to be in a long pause then waits that long again. With 2 s
 * it is back within about 2 s of the new leader (see
 * docs/04-replication-and-isr.md). Past the retries, callers see the error: the outbox relay
 * retries, and the consumer runner starts a new group member.
 */
export const defaultRetry: RetryOptions = { initialRetryTime: 300, maxRetryTime: 2_000, retries: 20 };

/** How long a client waits to connect, and for an answer, unless its options say otherwise. */
export const kafkaClientTimeouts = { connectionTimeoutMs: 3_000, requestTimeoutMs: 30_000 } as const;

/** The one kafkajs client of a service, from config; producers, consumers and admins come from it. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const { login } = options;
  const kafka = new Kafka({
    // TLS checks the broker's certificate against this CA and its name against the address used.
    ...(login
      ? {
          ssl: { ca: [readFileSync(login.caFile, 'utf8')] },
          sasl: { mechanism: 'scram-sha-512', username: login.username, password: login.password },
        }
      : {}),
    brokers: [...options.brokers],
    clientId: options.clientId,
    retry: { ...defaultRetry, ...options.retry },
    connectionTimeout: options.connectionTimeoutMs ?? kafkaClientTimeouts.connectionTimeoutMs,
    requestTimeout: options.requestTimeoutMs ?? kafkaClientTimeouts.requestTimeoutMs,
    logLevel: options.logLevel ?? logLevel.INFO,
    logCreator: kafkaLogCreator(options.logger ?? silentLogger),
  });
  connections.set(kafka, { brokers: options.brokers, clientId: options.clientId, login });
  return kafka;
}
