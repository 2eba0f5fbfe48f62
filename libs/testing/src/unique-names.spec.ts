import { uniqueGroupId, uniqueTopicName } from './unique-names.ts';

describe('unique names', () => {
  it('gives every call a different, legal Kafka topic name with the prefix', () => {
    const names = new Set(Array.from({ length: 1000 }, () => uniqueTopicName('orders')));
    expect(names.size).toBe(1000);
    for (const name of names) expect(name).toMatch(/^orders-[a-z0-9]+-[0-9a-f]{6}$/);
  });

  it('uses the given prefix for consumer groups', () => {
    expect(uniqueGroupId('inventory')).toMatch(/^inventory-/);
  });
});
