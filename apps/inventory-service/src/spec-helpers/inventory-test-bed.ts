import { randomUUID } from 'node:crypto';
import { eventToMessage, recordToEvent, type EventPayload, type ordersTopic } from '@orderflow/events';
import { createKafkaClient, provisionTopics } from '@orderflow/kafka';
import { createLogger, runMigrations } from '@orderflow/service';
import {
  consumeFromBeginning,
  testCluster,
  testDatabase,
  uniqueGroupId,
  uniqueInventoryTopic,
  uniqueOrdersTopic,
  type TestDatabase,
} from '@orderflow/testing';
import type { Kafka, Producer } from 'kafkajs';
import { createInventoryService, migrationsDirectory, type InventoryService } from '../create-inventory-service.ts';

type OrderEvents = (typeof ordersTopic)['events'];
type OrderEventType = keyof OrderEvents & string;

export type InventoryTestBed = {
  readonly database: TestDatabase;
  readonly kafka: Kafka;
  readonly topics: {
    readonly orders: ReturnType<typeof uniqueOrdersTopic>;
    readonly inventory: ReturnType<typeof uniqueInventoryTopic>;
  };
  readonly groupId: string;
  /** Starts one more instance of the service: same database, same group, same topics. */
  startInstance(): Promise<InventoryService>;
  /** Publishes an order event as order-service would (keyed by order id); returns its event id. */
  publish<Type extends OrderEventType>(
    type: Type,
    event: EventPayload<OrderEvents[Type]>,
    eventId?: string,
  ): Promise<string>;
  /** Sets a new sku's available stock (unique per call unless `sku` is given); returns the sku. */
  stockUp(available: number, sku?: string): Promise<string>;
  /** The decoded events on the inventory topic, once there are at least `count`. */
  inventoryEvents(count: number): Promise<ReturnType<typeof decodeInventory>[]>;
  stop(): Promise<void>;
};

const decodeInventory = (
  topic: ReturnType<typeof uniqueInventoryTopic>,
  record: Parameters<typeof recordToEvent>[1],
) => {
  const decoded = recordToEvent(topic, record);
  if (!decoded.ok) throw decoded.error;
  return decoded;
};

/**
 * The real service, as many instances as a test starts, on one fresh database and its own
 * copies of the topics (other suites share the cluster), with a producer playing order-service.
 */
export async function inventoryTestBed(): Promise<InventoryTestBed> {
  const database = await testDatabase('inventory_service');
  const { brokers } = await testCluster();
  const kafka = createKafkaClient({ brokers, clientId: 'inventory-service-test' });
  const topics = { orders: uniqueOrdersTopic(), inventory: uniqueInventoryTopic() };
  const groupId = uniqueGroupId('inventory-service');
  const instances: InventoryService[] = [];
  let producer: Promise<Producer> | undefined;
  const connectProducer = async () => {
    const created = kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    await created.connect();
    return created;
  };
  let skus = 0;

  const startInstance = async () => {
    const service = createInventoryService({
      port: 0,
      host: '127.0.0.1',
      pool: database.pool,
      kafka,
      logger: createLogger({ serviceName: 'inventory-service', level: 'silent' }),
      topics,
      groupId,
      relayPollIntervalMs: 200,
      // A member that vanishes without leaving is noticed within 10 s.
      sessionTimeoutMs: 10_000,
    });
    instances.push(service);
    await service.start();
    return service;
  };
  // What an instance's start() does too; done here so a test can stock up and publish first.
  await runMigrations({ pool: database.pool, directory: migrationsDirectory });
  await provisionTopics({ kafka, topics: [topics.orders, topics.inventory] });

  return {
    database,
    kafka,
    topics,
    groupId,
    startInstance,
    async publish(type, event, eventId = randomUUID()) {
      // One connect for all callers: concurrent publishes must not use it half-connected.
      producer ??= connectProducer();
      const connected = await producer;
      const message = eventToMessage(topics.orders, type, event, {
        occurredAt: new Date(),
        correlationId: `test-${type}`,
        eventId,
      });
      await connected.send({ topic: topics.orders.name, acks: -1, messages: [message] });
      return eventId;
    },
    async stockUp(available, sku = `TEST-${(skus += 1)}-${randomUUID().slice(0, 8)}`) {
      await database.pool.query(
        `INSERT INTO stock (sku, name, on_hand) VALUES ($1, $1, $2) ON CONFLICT (sku) DO UPDATE SET on_hand = stock.reserved + $2`,
        [sku, available],
      );
      return sku;
    },
    async inventoryEvents(count) {
      const records = await consumeFromBeginning(kafka, topics.inventory.name, count);
      return records.map((record) => decodeInventory(topics.inventory, record.message));
    },
    async stop() {
      await (await producer)?.disconnect();
      await Promise.all(instances.map((instance) => instance.stop()));
      await database.drop();
    },
  };
}
