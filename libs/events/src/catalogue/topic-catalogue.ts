import { avroCodec } from '../codecs/avro-codec.ts';
import { jsonCodec } from '../codecs/json-codec.ts';
import { pickEvents } from './event-catalogue.ts';
import { defaultTopicSettings, defineTopic } from './topic-definition.ts';

// Every topic is declared here, once. Services and tests import these declarations and
// never spell a topic name themselves.

/** What happens to orders. Written by order-service only. */
export const ordersTopic = defineTopic({
  ...defaultTopicSettings,
  name: 'orders',
  writer: 'order-service',
  readers: ['inventory-service', 'notification-service'],
  events: pickEvents(
    'OrderPlacedEvent',
    'OrderConfirmedEvent',
    'OrderRejectedEvent',
    'OrderCancelledEvent',
    'ProductShippedEvent',
  ),
  // JSON, the default: readable with any Kafka tool.
  codec: jsonCodec,
  // By order: all events of one order land on one partition, in the order they happened.
  key: (event) => event.orderId,
});

/** What the warehouse did about orders. Written by inventory-service only. */
export const inventoryTopic = defineTopic({
  ...defaultTopicSettings,
  name: 'inventory',
  writer: 'inventory-service',
  readers: ['order-service'],
  events: pickEvents('StockReservedEvent', 'StockReservationFailedEvent', 'StockReleasedEvent'),
  // Avro, to show a binary codec with schemas in real use (see avro-codec.ts).
  codec: avroCodec,
  key: (event) => event.orderId,
});

/** The type of each topic: a handler or an outbox names the topic it works on, or a test's copy of it. */
export type OrdersTopic = typeof ordersTopic;
export type InventoryTopic = typeof inventoryTopic;

/** All topics, by name as code refers to them. */
export const topics = { orders: ordersTopic, inventory: inventoryTopic } as const;
