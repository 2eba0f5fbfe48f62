import { randomUUID } from 'node:crypto';
import { eventToMessage, recordToEvent, type EventPayload, type ordersTopic } from '@orderflow/events';
import { createKafkaClient, provisionTopics } from '@orderflow/kafka';
import { runMigrations } from '@orderflow/service';
import { consumeFromBeginning, uniqueInventoryTopic, uniqueOrdersTopic, type TestServiceApp } from '@orderflow/testing';
import { createInventoryService, migrationsDirectory, type InventoryService } from '../create-inventory-service.ts';

type Topics = {
  readonly orders: ReturnType<typeof uniqueOrdersTopic>;
  readonly inventory: ReturnType<typeof uniqueInventoryTopic>;
};
type OrderEvents = (typeof ordersTopic)['events'];
type OrderEventType = keyof OrderEvents & string;

const decodeInventory = (topic: Topics['inventory'], record: Parameters<typeof recordToEvent>[1]) => {
  const decoded = recordToEvent(topic, record);
  if (!decoded.ok) throw decoded.error;
  return decoded;
};

export type InventoryExtras = {
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
};

/**
 * inventory-service for startTestService(), with the harness's producer playing order-service.
 * Start it with `{ instances: 0 }` to stock up and publish before any instance runs.
 */
export const inventoryService: TestServiceApp<Topics, InventoryService, InventoryExtras> = {
  name: 'inventory-service',
  databaseLabel: 'inventory_service',
  kafka: (brokers, clientId) => createKafkaClient({ brokers, clientId }),
  topics: () => ({ orders: uniqueOrdersTopic(), inventory: uniqueInventoryTopic() }),
  create: (deps) =>
    createInventoryService({
      ...deps,
      relayPollIntervalMs: 200,
      // A member that vanishes without leaving is noticed within 10 s.
      sessionTimeoutMs: 10_000,
    }),
  // What an instance's start() does too; done here so a test can stock up and publish first.
  async prepare({ database, kafka, topics }) {
    await runMigrations({ pool: database.pool, directory: migrationsDirectory });
    await provisionTopics({ kafka, topics: [topics.orders, topics.inventory] });
  },
  extras: ({ database, kafka, topics, producer }) => {
    let skus = 0;
    return {
      async publish(type, event, eventId = randomUUID()) {
        const message = eventToMessage(topics.orders, type, event, {
          occurredAt: new Date(),
          correlationId: `test-${type}`,
          eventId,
        });
        await (await producer()).send({ topic: topics.orders.name, acks: -1, messages: [message] });
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
    };
  },
};
