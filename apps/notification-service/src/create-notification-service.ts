import { join } from 'node:path';
import { deadLetterTopic, ordersTopic, type OrdersTopic } from '@orderflow/events';
import { createConsumerRunner, databaseProbe, createServiceLifecycle } from '@orderflow/kafka';
import { createHttpApp, createMetrics, type Logger, type ServiceMetrics } from '@orderflow/service';
import { Router } from 'express';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { notificationRoutes } from './http/notification-routes.ts';
import { ordersTopicHandler } from './messaging/orders-topic-handler.ts';
import { pgNotificationQueries, pgNotificationRepository } from './persistence/pg-notification-store.ts';

export const migrationsDirectory = join(import.meta.dirname, 'persistence', 'migrations');

export type NotificationServiceOptions = {
  readonly serviceName?: string;
  readonly port: number;
  readonly host?: string;
  /** The service's database; migrated by start(). The caller owns (and ends) the pool. */
  readonly pool: pg.Pool;
  /**
   * The connections of the outbox relay and the consumer: a pool of their own (a bulkhead), so a
   * flood of HTTP requests queues only behind itself, never in front of the events that move
   * orders on. Default: `pool`. The caller owns (and ends) it.
   */
  readonly messagingPool?: pg.Pool;
  readonly kafka: Kafka;
  readonly logger: Logger;
  readonly metrics?: ServiceMetrics;
  /** The catalogue's orders topic by default; tests pass a copy under a unique name. */
  readonly topics?: { readonly orders: OrdersTopic };
  /** The consumer group reading the orders topic; `notification-service` by default. */
  readonly groupId?: string;
};

export type NotificationService = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Where the HTTP server listens; only after start(). */
  readonly url: string;
};

/**
 * An e-mail may leave half a second later: under load, fewer and fuller fetches (and
 * transactions) for the same records. At 20 orders/s a fetch waits the 500 ms out.
 */
export const notificationFetch = { minBytes: 64 * 1024, maxWaitTimeMs: 500 } as const;

/**
 * notification-service wired together: migrations, topics, the orders consumer, HTTP API.
 * It publishes nothing, so unlike order-service it has no outbox relay.
 */
export function createNotificationService(options: NotificationServiceOptions): NotificationService {
  const { pool, kafka, logger } = options;
  const messagingPool = options.messagingPool ?? pool;
  const serviceName = options.serviceName ?? 'notification-service';
  const groupId = options.groupId ?? 'notification-service';
  const topics = options.topics ?? { orders: ordersTopic };
  const metrics = options.metrics ?? createMetrics({ serviceName });

  const consumer = createConsumerRunner({
    kafka,
    groupId,
    topics: [topics.orders],
    logger,
    metrics,
    // A handler timeout while this pool does not answer either is a database that hangs: a wait.
    dependencyProbe: databaseProbe(messagingPool),
    batchHandler: ordersTopicHandler({ pool: messagingPool, logger, storeOn: pgNotificationRepository }),
    ...notificationFetch,
  });

  const lifecycle = createServiceLifecycle({
    serviceName,
    pool,
    kafka,
    logger,
    migrationsDirectory,
    // The orders topic is order-service's, but whoever starts first creates it (same
    // declaration, so provisioning agrees); the dead-letter topic is this group's own.
    topics: [topics.orders, deadLetterTopic(topics.orders, groupId)],
    consumer,
    listen: { port: options.port, host: options.host },
  });

  const routes = Router();
  routes.use(notificationRoutes({ queries: pgNotificationQueries(pool) }));
  const app = createHttpApp({
    serviceName,
    logger,
    metrics,
    routes,
    // GET /status: which partitions this instance holds now, and what it did with them.
    status: lifecycle.status,
    readinessChecks: lifecycle.readinessChecks,
  });

  return {
    start: () => lifecycle.start(app),
    stop: () => lifecycle.stop(),
    get url() {
      return lifecycle.url;
    },
  };
}
