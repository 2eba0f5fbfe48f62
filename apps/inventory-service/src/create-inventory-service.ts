import { join } from 'node:path';
import { deadLetterTopic, inventoryTopic, type InventoryTopic, ordersTopic, type OrdersTopic } from '@orderflow/events';
import {
  createConsumerRunner,
  createOutboxRelay,
  createServiceLifecycle,
  databaseProbe,
  kafkaMetricsFor,
} from '@orderflow/kafka';
import { createHttpApp, createMetrics, type Logger, type ServiceMetrics } from '@orderflow/service';
import { Router } from 'express';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import { inventoryRoutes } from './http/inventory-routes.ts';
import { reservationRoutes } from './http/reservation-routes.ts';
import { ordersTopicHandler } from './messaging/orders-topic-handler.ts';
import { pgStockQueries } from './persistence/pg-stock-store.ts';
import { pgBatchTransaction } from './persistence/pg-batch-transaction.ts';

export const migrationsDirectory = join(import.meta.dirname, 'persistence', 'migrations');

export type InventoryServiceOptions = {
  readonly serviceName?: string;
  readonly port: number;
  readonly host?: string;
  /** The service's database, shared by all its instances; migrated by start(). The caller owns the pool. */
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
  /** The consumer group reading the orders topic; `inventory-service` by default. */
  readonly groupId?: string;
  /** How often the relay looks at the outbox without a NOTIFY. */
  readonly relayPollIntervalMs?: number;
  /** How long the group waits for a silent member before handing its partitions to others. */
  readonly sessionTimeoutMs?: number;
};

export type InventoryService = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Where the HTTP server listens; only after start(). */
  readonly url: string;
};

/** inventory-service wired together: migrations, topics, outbox relay, orders consumer, HTTP API. */
export function createInventoryService(options: InventoryServiceOptions): InventoryService {
  const { pool, kafka, logger } = options;
  const messagingPool = options.messagingPool ?? pool;
  const serviceName = options.serviceName ?? 'inventory-service';
  const groupId = options.groupId ?? 'inventory-service';
  const topics = options.topics ?? { orders: ordersTopic, inventory: inventoryTopic };
  const metrics = options.metrics ?? createMetrics({ serviceName });
  const kafkaMetrics = kafkaMetricsFor(metrics);
  const queries = pgStockQueries(pool);

  // Every instance runs a relay; they elect one leader through PostgreSQL, the others stand by.
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
    topics: [topics.orders],
    logger,
    metrics,
    ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs: options.sessionTimeoutMs }),
    // A handler timeout while this pool does not answer either is a database that hangs: a wait.
    dependencyProbe: databaseProbe(messagingPool),
    batchHandler: ordersTopicHandler({
      pool: messagingPool,
      logger,
      metrics,
      storeOn: (client, scope) => pgBatchTransaction(client, topics.inventory, scope),
    }),
  });

  const lifecycle = createServiceLifecycle({
    serviceName,
    pool,
    kafka,
    logger,
    migrationsDirectory,
    topics: [topics.orders, topics.inventory, deadLetterTopic(topics.orders, groupId)],
    relay,
    consumer,
    listen: { port: options.port, host: options.host },
  });

  const routes = Router();
  routes.use(inventoryRoutes({ queries }));
  routes.use(reservationRoutes({ queries }));
  const app = createHttpApp({
    serviceName,
    logger,
    metrics,
    routes,
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
