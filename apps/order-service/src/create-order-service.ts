import { join } from 'node:path';
import { deadLetterTopic, inventoryTopic, type InventoryTopic, ordersTopic, type OrdersTopic } from '@orderflow/events';
import {
  createConsumerRunner,
  databaseProbe,
  createOutboxRelay,
  createServiceLifecycle,
  kafkaMetricsFor,
} from '@orderflow/kafka';
import { createHttpApp, createMetrics, type Logger, type ServiceMetrics } from '@orderflow/service';
import { Router } from 'express';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { orderRoutes } from './http/order-routes.ts';
import { openApiRoutes } from './http/openapi-routes.ts';
import { inventoryTopicHandler } from './messaging/inventory-topic-handler.ts';
import { idempotencyKeyRetention } from './persistence/idempotency-key-retention.ts';
import { pgOrderPlacement } from './persistence/pg-order-placement.ts';
import { pgOrderQueries } from './persistence/pg-order-store.ts';
import { pgTransaction, pgUnitOfWork } from './persistence/pg-unit-of-work.ts';

export const migrationsDirectory = join(import.meta.dirname, 'persistence', 'migrations');

export type OrderServiceOptions = {
  readonly serviceName?: string;
  readonly port: number;
  readonly host?: string;
  readonly bodyLimit?: string;
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
  /** The catalogue's topics by default; tests pass copies under unique names. */
  readonly topics?: { readonly orders: OrdersTopic; readonly inventory: InventoryTopic };
  /** The consumer group reading the inventory topic; `order-service` by default. */
  readonly groupId?: string;
  /** How often the relay looks at the outbox without a NOTIFY. */
  readonly relayPollIntervalMs?: number;
};

export type OrderService = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Where the HTTP server listens; only after start(). */
  readonly url: string;
};

/**
 * This event loop also serves POST /orders: a partition's transaction waits its turn there
 * at every round trip. Three partitions at once (each still in order; a partition's orders
 * are its own rows, so they never wait for each other's locks) keep the answers moving.
 * The messaging pool holds four connections: the relay's, and these three.
 */
export const orderServicePartitionsAtOnce = 3;

/** order-service wired together: migrations, topics, outbox relay, inventory consumer, HTTP API. */
export function createOrderService(options: OrderServiceOptions): OrderService {
  const { pool, kafka, logger } = options;
  const messagingPool = options.messagingPool ?? pool;
  const serviceName = options.serviceName ?? 'order-service';
  const groupId = options.groupId ?? 'order-service';
  const topics = options.topics ?? { orders: ordersTopic, inventory: inventoryTopic };
  const metrics = options.metrics ?? createMetrics({ serviceName });
  const kafkaMetrics = kafkaMetricsFor(metrics);
  const unitOfWork = pgUnitOfWork(pool, topics.orders);

  const relay = createOutboxRelay({
    pool: messagingPool,
    kafka,
    logger,
    metrics: kafkaMetrics,
    pollIntervalMs: options.relayPollIntervalMs,
  });
  const consumer = createConsumerRunner({
    kafka,
    groupId,
    topics: [topics.inventory],
    logger,
    metrics,
    // A handler timeout while this pool does not answer either is a database that hangs: a wait.
    dependencyProbe: databaseProbe(messagingPool),
    batchHandler: inventoryTopicHandler({
      pool: messagingPool,
      logger,
      storeOn: (client) => pgTransaction(client, topics.orders),
    }),
    partitionsConsumedConcurrently: orderServicePartitionsAtOnce,
  });

  const lifecycle = createServiceLifecycle({
    serviceName,
    pool,
    kafka,
    logger,
    migrationsDirectory,
    topics: [topics.orders, topics.inventory, deadLetterTopic(topics.inventory, groupId)],
    relay,
    consumer,
    retention: [idempotencyKeyRetention],
    listen: { port: options.port, host: options.host },
  });

  const routes = Router();
  routes.use(
    orderRoutes({ unitOfWork, placement: pgOrderPlacement(pool, topics.orders), queries: pgOrderQueries(pool) }),
  );
  routes.use(openApiRoutes());
  const app = createHttpApp({
    serviceName,
    logger,
    metrics,
    routes,
    bodyLimit: options.bodyLimit ?? '100kb',
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
