import { madeSince, uniqueGroupId, uniqueTopicName } from './unique-names.ts';

describe('unique names', () => {
  it('gives every call a different, legal Kafka topic name with the prefix', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueTopicName('orders')));
    expect(names.size).toBe(1000);
    for (const name of names) expect(name).toMatch(/^orders-[a-z0-9]+-[0-9a-f]{6}$/);
  });

  it('uses the given prefix for consumer groups', () => {
    expect(uniqueGroupId('inventory')).toMatch(/^inventory-/);
  });

  it('tell what was made since a time, also inside a dead-letter topic name; never a fixed name', () => {
    const before = Date.now() - 1;
    const topic = uniqueTopicName('orders');
    const group = uniqueGroupId('inventory');
    const later = Date.now() + 60_000;
    expect(
      [topic, `${topic}.inventory-service.dlt`, `orders.${group}.dlt`].map((name) => madeSince(name, before)),
    ).toEqual([true, true, true]);
    expect(madeSince(topic, later)).toBe(false);
    expect(
      ['orders', 'inventory', 'orders.inventory-service.dlt', '__consumer_offsets'].some((name) => madeSince(name, 0)),
    ).toBe(false);
  });
});
