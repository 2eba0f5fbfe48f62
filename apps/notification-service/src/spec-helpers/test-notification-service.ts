import { randomUUID } from 'node:crypto';
import type { EventContext, OrdersTopic } from '@orderflow/events';
import { createKafkaClient } from '@orderflow/kafka';
import { createLogger } from '@orderflow/service';
import {
  requestJson,
  testCluster,
  type TestDatabase,
  testDatabase,
  uniqueGroupId,
  uniqueOrdersTopic,
} from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import { createNotificationService, type NotificationService } from '../create-notification-service.ts';
import type { NotificationResponse } from '../http/notification-response.ts';

export type TestNotificationService = {
  readonly service: NotificationService;
  readonly url: string;
  readonly database: TestDatabase;
  readonly kafka: Kafka;
  readonly topics: { readonly orders: OrdersTopic };
  readonly groupId: string;
  /** The service's log lines so far, parsed (level info and up). */
  logLines(): Record<string, unknown>[];
  stop(): Promise<void>;
};

/** What a second instance shares with the first: one database, one topic, one group. */
export type SharedSetup = Pick<TestNotificationService, 'database' | 'kafka' | 'topics' | 'groupId'>;

/**
 * The real service on a fresh database and its own copy of the orders topic (other suites
 * share the cluster, so tests never touch the real `orders`), on a free port. Given the setup
 * of a running one, starts another instance of the same service instead: same database,
 * topic and group, as a second replica would run. Logs are kept in memory, not printed.
 */
export async function startTestNotificationService(shared?: SharedSetup): Promise<TestNotificationService> {
  const setup = shared ?? (await freshSetup());
  const lines: string[] = [];
  const service = createNotificationService({
    port: 0,
    host: '127.0.0.1',
    pool: setup.database.pool,
    kafka: setup.kafka,
    logger: createLogger({
      serviceName: 'notification-service',
      level: 'info',
      destination: { write: (line: string) => void lines.push(line) },
    }),
    topics: setup.topics,
    groupId: setup.groupId,
  });
  try {
    await service.start();
  } catch (error) {
    await service.stop();
    if (!shared) await setup.database.drop();
    throw error;
  }
  return {
    ...setup,
    service,
    url: service.url,
    logLines: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    async stop() {
      await service.stop();
      // The instance that made the database drops it; make sure it stops last.
      if (!shared) await setup.database.drop();
    },
  };
}

async function freshSetup(): Promise<SharedSetup> {
  const database = await testDatabase('notification_service');
  const { brokers } = await testCluster();
  return {
    database,
    kafka: createKafkaClient({ brokers, clientId: 'notification-service-test' }),
    topics: { orders: uniqueOrdersTopic() },
    groupId: uniqueGroupId('notification-service'),
  };
}

/** GET /notifications with a query string; the notifications of the answer. */
export async function notificationsFor(
  app: Pick<TestNotificationService, 'url'>,
  query: string,
): Promise<NotificationResponse[]> {
  const answer = await requestJson(`${app.url}/notifications?${query}`);
  if (answer.status !== 200) throw new Error(`GET /notifications?${query} answered ${answer.status}`);
  return answer.body['notifications'] as NotificationResponse[];
}

/** The consumer's part of GET /status. */
export async function consumerStatus(app: Pick<TestNotificationService, 'url'>) {
  const answer = await requestJson(`${app.url}/status`);
  return answer.body['consumer'] as {
    groupId: string;
    memberId: string;
    state: string;
    assignment: Record<string, number[]>;
    processed: number;
    duplicates: number;
    deadLettered: number;
    lastError?: { code: string };
  };
}

/** A customer of the tests: a new id each time, so filters see only this test's orders. */
export const newCustomer = () => ({ customerId: randomUUID(), email: 'ada@example.com' });

export const testItems = [
  { sku: 'BOOK-1', quantity: 2 },
  { sku: 'PEN-7', quantity: 1 },
];

/** What order-service would put on an event: when it happened, and its flow. */
export const eventContext = (occurredAt = new Date(), eventId?: string): EventContext => ({
  occurredAt,
  correlationId: 'notification-test',
  ...(eventId === undefined ? {} : { eventId }),
});
