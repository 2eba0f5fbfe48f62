import { setOperations } from './set-topic-config.ts';

describe('the IncrementalAlterConfigs request for a topic', () => {
  it('sets each entry given, and names no other', () => {
    expect(setOperations('orders', [{ name: 'min.insync.replicas', value: '2' }])).toEqual({
      resourceType: 2, // TOPIC
      resourceName: 'orders',
      configs: [{ name: 'min.insync.replicas', configOperation: 0 /* SET */, value: '2' }],
    });
  });
});
