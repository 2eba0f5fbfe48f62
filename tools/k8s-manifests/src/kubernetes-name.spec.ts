import { isKubernetesName, resourceNameForTopic } from './kubernetes-name.ts';
import { kafkaTopic, topicNameOf } from './kafka-topics.ts';

describe('resourceNameForTopic', () => {
  it("keeps a topic's name that is already a valid resource name, dots and all", () => {
    expect(resourceNameForTopic('orders.inventory-service.dlt')).toBe('orders.inventory-service.dlt');
  });

  it.each(['Orders', 'orders_v2', '_internal', 'a..b', 'x'.repeat(249)])(
    'makes a valid, distinct name for %s',
    (topic) => {
      const name = resourceNameForTopic(topic);
      expect(isKubernetesName(name)).toBe(true);
      expect(name).not.toBe(resourceNameForTopic(topic.toLowerCase() === topic ? `${topic}X` : topic.toLowerCase()));
    },
  );

  it('sets spec.topicName exactly when the resource name differs from the topic', () => {
    const settings = { partitions: 1, replicationFactor: 3, config: {} as never };
    expect(kafkaTopic({ ...settings, name: 'orders' }).spec.topicName).toBeUndefined();
    const renamed = kafkaTopic({ ...settings, name: 'Orders_V2' });
    expect(renamed.spec.topicName).toBe('Orders_V2');
    expect(topicNameOf(renamed)).toBe('Orders_V2');
  });
});
