import { OrderflowError } from '../errors/orderflow-error.ts';
import { allTopicSettings, deadLetterTopic, deadLetterTopicName } from './dead-letter.ts';
import { inventoryTopic, ordersTopic } from './topic-catalogue.ts';

describe('dead-letter topics', () => {
  it('are named after the topic and the consumer group', () => {
    expect(deadLetterTopicName(ordersTopic, 'inventory-service')).toBe('orders.inventory-service.dlt');
    expect(deadLetterTopicName(inventoryTopic, 'order-service')).toBe('inventory.order-service.dlt');
  });

  it('refuse a group name that would make an illegal topic name', () => {
    expect(() => deadLetterTopicName(ordersTopic, 'my group/1')).toThrow(OrderflowError);
    expect(() => deadLetterTopicName(ordersTopic, 'x'.repeat(250))).toThrow('not a legal Kafka topic name');
  });

  it('keep their topic partitions and replication, and keep records longer', () => {
    const dlt = deadLetterTopic(ordersTopic, 'notification-service');

    expect(dlt).toMatchObject({ name: 'orders.notification-service.dlt', partitions: 6, replicationFactor: 3 });
    expect(dlt.config['min.insync.replicas']).toBe(2);
    expect(dlt.config['retention.ms']).toBeGreaterThan(ordersTopic.config['retention.ms']);
  });

  it('are provisioned with the topics: one per topic and reading group', () => {
    expect(allTopicSettings().map((topic) => topic.name)).toEqual([
      'orders',
      'orders.inventory-service.dlt',
      'orders.notification-service.dlt',
      'inventory',
      'inventory.order-service.dlt',
    ]);
  });
});
