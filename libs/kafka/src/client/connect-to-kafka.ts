import { setTimeout as sleep } from 'node:timers/promises';
import { silentLogger, type ReadinessCheck, type ServiceLogger } from '@orderflow/service';
import type { Admin, Kafka } from 'kafkajs';
import { errorMessage } from '@orderflow/events';
import { KafkaLoginRefusedError } from '../errors/kafka-login-refused-error.ts';
import { kafkaUsernameOf } from './kafka-client.ts';
import { backoffDelay, type Backoff } from '../retry/backoff-delay.ts';

export type ConnectToKafkaOptions = {
  readonly kafka: Kafka;
  readonly logger?: ServiceLogger;
  /** Aborted (e.g. by a SIGTERM during start-up): stop waiting and throw. */
  readonly signal?: AbortSignal;
  /** The pauses between two tries, doubling. Default 500 ms up to 5 s. */
  readonly backoff?: Backoff;
};

/**
 * A connected admin client, once the cluster answers, however long that takes. A service
 * started before its brokers (docker compose without healthchecks, a whole-cluster restart)
 * waits here and then carries on, instead of exiting and relying on someone to restart it.
 */
export async function connectToKafka({
  kafka,
  logger = silentLogger,
  signal,
  backoff = { initialMs: 500, maxMs: 5_000 },
}: ConnectToKafkaOptions): Promise<Admin> {
  for (let tries = 1; ; tries += 1) {
    signal?.throwIfAborted();
    const admin = kafka.admin();
    try {
      await admin.connect();
      // connect() alone can succeed against a broker that is still starting; ask something.
      await admin.describeCluster();
      if (tries > 1) logger.info({ tries }, `Kafka is reachable after ${tries} tries`);
      return admin;
    } catch (error) {
      await admin.disconnect().catch(() => {});
      // Wrong credentials stay wrong: waiting would hide the cause behind an endless retry loop.
      if (error instanceof Error && error.name === 'KafkaJSSASLAuthenticationError')
        throw new KafkaLoginRefusedError(kafkaUsernameOf(kafka), error);
      const delayMs = backoffDelay(backoff, tries);
      logger.warn(
        { err: error, tries, delayMs },
        `waiting for Kafka: ${errorMessage(error)}; trying again in ${delayMs} ms`,
      );
      // Node's abortable sleep removes its abort listener when it ends: none piles up per try.
      // An abort ends the pause early; throwIfAborted above then throws.
      await sleep(delayMs, undefined, signal ? { signal } : {}).catch(() => {});
    }
  }
}

/**
 * /ready's Kafka check: down until the service has finished starting, then up while the
 * cluster answers through the service's admin.
 */
export function kafkaReadinessCheck(startedAdmin: () => Admin | undefined): ReadinessCheck {
  return {
    name: 'kafka',
    check: async (): Promise<void> => {
      const admin = startedAdmin();
      if (!admin) throw new Error('still starting: waiting for Kafka, its topics or the consumer group');
      await admin.describeCluster();
    },
  };
}
