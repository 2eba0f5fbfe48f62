// Topic definitions for integration tests: the catalogue's topics under fresh names, so
// suites never touch the real `orders`/`inventory` topics that others share the cluster with.
import { defineTopic, inventoryTopic, ordersTopic, type TopicDefinition } from '@orderflow/events';
import { uniqueTopicName } from './unique-names.ts';

/** The orders topic (JSON, keyed by order id) under a unique name. */
export function uniqueOrdersTopic(prefix = 'orders'): TopicDefinition<(typeof ordersTopic)['events']> {
  return defineTopic({ ...ordersTopic, name: uniqueTopicName(prefix) });
}

/** The inventory topic (Avro) under a unique name. */
export function uniqueInventoryTopic(prefix = 'inventory'): TopicDefinition<(typeof inventoryTopic)['events']> {
  return defineTopic({ ...inventoryTopic, name: uniqueTopicName(prefix) });
}
