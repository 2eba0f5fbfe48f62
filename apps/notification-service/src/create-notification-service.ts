import { join } from 'node:path';
import { deadLetterTopic, ordersTopic } from '@orderflow/events';
import { connectToKafka, kafkaReadinessCheck, createConsumerRunner, migrateKafkaTables, provisionTopics } from '@orderflow/kafka';
import {
  createHttpApp,
  createMetrics,
  databaseReadinessCheck,
  kafkaMetricsFor,
  runMigrations,
  startHttpServer,
  type HttpServer,
  type Logger,
  type ServiceMetrics,
} from '@orderflow/service';
import { Router } from 'express';
import type { Admin, Kafka } from 'kafkajs';
import type pg from 'pg';
import { notificationRoutes } from './http/notification-routes.ts';
import { orderEventsHandler, type OrdersTopic } from './messaging/order-events-handler.ts';
import { pgNotificationQueries, pgNotificationRepository } from './persistence/pg-notification-store.ts';

export const migrationsDirectory = join(import.meta.dirname, 'persistence', 'migrations');

export type NotificationServiceOptions = {
  readonly serviceName?: string;
  readonly port: number;
  readonly host?: string;
  /** The service's database; migrated by start(). The caller owns (and ends) the pool. */
  readonly pool: pg.Pool;
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
 * notification-service wired together: migrations, topics, the orders consumer, HTTP API.
 * It publishes nothing, so unlike order-service it has no outbox relay.
 */
export function createNotificationService(options: NotificationServiceOptions): NotificationService {
  const { pool, kafka, logger } = options;
  const serviceName = options.serviceName ?? 'notification-service';
  const groupId = options.groupId ?? 'notification-service';
  const topics = options.topics ?? { orders: ordersTopic };
  const metrics = options.metrics ?? createMetrics({ serviceName });

  const consumer = createConsumerRunner({
    kafka,
    groupId,
    topics: [topics.orders],
    logger,
    metrics: kafkaMetricsFor(metrics),
    handler: orderEventsHandler({ pool, logger, repositoryOn: pgNotificationRepository }),
  });
  // One admin kept connected, so /ready asks the cluster without a new connection each time.
  let admin: Admin | undefined;
  // Aborted by stop(): a start still waiting for Kafka gives up.
  const starting = new AbortController();
  let started = false;
  let server: HttpServer | undefined;

  const routes = Router();
  routes.use(notificationRoutes({ queries: pgNotificationQueries(pool) }));
  const app = createHttpApp({
    serviceName,
    logger,
    metrics,
    routes,
    // GET /status: which partitions this instance holds now, and what it did with them.
    status: () => ({ consumer: consumer.status() }),
    readinessChecks: [databaseReadinessCheck(pool), kafkaReadinessCheck(() => (started ? admin : undefined))],
  });

  return {
    async start() {
      await runMigrations({ pool, directory: migrationsDirectory, logger });
      await migrateKafkaTables(pool);
      // Listening before Kafka answers: /health says the process is alive, /ready says 503
      // until the cluster is reachable.
      server = await startHttpServer(app, { port: options.port, ...(options.host ? { host: options.host } : {}) });
      logger.info({ url: server.url }, `${serviceName} listening on ${server.url}`);
      // Started before the brokers? Wait for them here instead of exiting.
      admin = await connectToKafka({ kafka, logger, signal: starting.signal });
      // The orders topic is order-service's, but whoever starts first creates it (same
      // declaration, so provisioning agrees); the dead-letter topic is this group's own.
      await provisionTopics({ kafka, logger, topics: [topics.orders, deadLetterTopic(topics.orders, groupId)] });
      await consumer.start();
      started = true;
    },
    async stop() {
      starting.abort();
      started = false;
      // Reverse order: no new requests, then no new records (the one in flight finishes).
      // Idempotent: a second stop (e.g. a test's clean-up after the test stopped it) does nothing.
      await server?.stop();
      server = undefined;
      await consumer.stop();
      await admin?.disconnect();
    },
    get url() {
      if (!server) throw new Error(`${serviceName} is not started`);
      return server.url;
    },
  };
}
