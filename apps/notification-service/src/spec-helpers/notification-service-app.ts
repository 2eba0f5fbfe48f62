import { randomUUID } from 'node:crypto';
import type { EventContext, OrdersTopic } from '@orderflow/events';
import { createKafkaClient } from '@orderflow/kafka';
import { createLogger } from '@orderflow/service';
import { requestJson, uniqueOrdersTopic, type TestServiceApp, type TestServiceOf } from '@orderflow/testing';
import { createNotificationService, type NotificationService } from '../create-notification-service.ts';
import type { NotificationResponse } from '../http/notification-response.ts';

/** Each instance's log lines, as written: kept in memory instead of printed. */
const logsOf = new WeakMap<NotificationService, string[]>();

/**
 * notification-service for startTestService(): its own copy of the orders topic. Its logs
 * (level info and up) are kept in memory, not printed: `logLines()` reads the first instance's.
 */
export const notificationService: TestServiceApp<
  { readonly orders: OrdersTopic },
  NotificationService,
  { logLines(): Record<string, unknown>[] }
> = {
  name: 'notification-service',
  databaseLabel: 'notification_service',
  kafka: (brokers, clientId) => createKafkaClient({ brokers, clientId }),
  topics: () => ({ orders: uniqueOrdersTopic() }),
  create(deps) {
    const lines: string[] = [];
    const logger = createLogger({
      serviceName: 'notification-service',
      level: 'info',
      destination: { write: (line: string) => void lines.push(line) },
    });
    const service = createNotificationService({ ...deps, logger });
    logsOf.set(service, lines);
    return service;
  },
  extras: ({ instances }) => ({
    logLines() {
      const [first] = instances;
      const lines = (first && logsOf.get(first)) ?? [];
      return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    },
  }),
};

/** GET /notifications with a query string; the notifications of the answer. */
export async function notificationsFor(
  app: TestServiceOf<typeof notificationService>,
  query: string,
): Promise<NotificationResponse[]> {
  const answer = await app.arrange('GET', `/notifications?${query}`);
  return answer.body['notifications'] as NotificationResponse[];
}

/** The consumer's part of GET /status, of one instance. */
export async function consumerStatus(instance: { readonly url: string }) {
  const answer = await requestJson(`${instance.url}/status`);
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
