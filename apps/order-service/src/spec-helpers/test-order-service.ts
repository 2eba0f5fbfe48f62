import type { inventoryTopic, ordersTopic } from '@orderflow/events';
import { createKafkaClient } from '@orderflow/kafka';
import { createLogger } from '@orderflow/service';
import {
  testCluster,
  testDatabase,
  uniqueGroupId,
  uniqueInventoryTopic,
  uniqueOrdersTopic,
  type TestDatabase,
} from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import { createOrderService, type OrderService } from '../create-order-service.ts';

export type TestOrderService = {
  readonly service: OrderService;
  readonly url: string;
  readonly database: TestDatabase;
  readonly kafka: Kafka;
  readonly topics: { readonly orders: typeof ordersTopic; readonly inventory: typeof inventoryTopic };
  readonly groupId: string;
  /** Rows in the outbox, sent or not. */
  outboxRows(): Promise<number>;
  stop(): Promise<void>;
};

/**
 * The real service on a fresh database and its own copies of the topics (other suites share
 * the cluster, so tests never touch the real `orders` and `inventory`), on a free port.
 */
export async function startTestOrderService(): Promise<TestOrderService> {
  const database = await testDatabase('order_service');
  const { brokers } = await testCluster();
  const kafka = createKafkaClient({ brokers, clientId: 'order-service-test' });
  const topics = { orders: uniqueOrdersTopic(), inventory: uniqueInventoryTopic() };
  const groupId = uniqueGroupId('order-service');
  const service = createOrderService({
    port: 0,
    host: '127.0.0.1',
    pool: database.pool,
    kafka,
    logger: createLogger({ serviceName: 'order-service', level: 'silent' }),
    topics,
    groupId,
    relayPollIntervalMs: 200,
  });
  await service.start();
  return {
    service,
    url: service.url,
    database,
    kafka,
    topics,
    groupId,
    async outboxRows() {
      const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) FROM kafka_outbox');
      return Number(rows[0]?.count);
    },
    async stop() {
      await service.stop();
      await database.drop();
    },
  };
}

export const validOrder = () => ({
  customerId: '0195f0a0-0000-7000-8000-00000000c001',
  email: 'ada@example.com',
  items: [
    { sku: 'BOOK-1', quantity: 2 },
    { sku: 'PEN-7', quantity: 1 },
  ],
});
