import { createKafkaClient } from '@orderflow/kafka';
import { uniqueInventoryTopic, uniqueOrdersTopic, type TestServiceApp } from '@orderflow/testing';
import { createOrderService, type OrderService } from '../create-order-service.ts';

type Topics = {
  readonly orders: ReturnType<typeof uniqueOrdersTopic>;
  readonly inventory: ReturnType<typeof uniqueInventoryTopic>;
};

/** order-service for startTestService(): its own copies of both topics, a fast outbox relay. */
export const orderService: TestServiceApp<Topics, OrderService, { outboxRows(): Promise<number> }> = {
  name: 'order-service',
  databaseLabel: 'order_service',
  kafka: (brokers, clientId) => createKafkaClient({ brokers, clientId }),
  topics: () => ({ orders: uniqueOrdersTopic(), inventory: uniqueInventoryTopic() }),
  create: (deps) => createOrderService({ ...deps, relayPollIntervalMs: 200 }),
  extras: ({ database }) => ({
    /** Rows in the outbox, sent or not. */
    async outboxRows() {
      const { rows } = await database.pool.query<{ count: string }>('SELECT count(*) FROM kafka_outbox');
      return Number(rows[0]?.count);
    },
  }),
};

export const validOrder = () => ({
  customerId: '0195f0a0-0000-7000-8000-00000000c001',
  email: 'ada@example.com',
  items: [
    { sku: 'BOOK-1', quantity: 2 },
    { sku: 'PEN-7', quantity: 1 },
  ],
});
