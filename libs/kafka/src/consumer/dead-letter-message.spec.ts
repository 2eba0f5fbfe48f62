import { deadLetterMessage } from './dead-letter-message.ts';

describe('a dead-letter message', () => {
  it('keeps key, value, timestamp and headers, and adds where it came from and why it failed', () => {
    const record = {
      topic: 'orders',
      partition: 4,
      offset: '17',
      key: Buffer.from('order-1'),
      value: Buffer.from([0xde, 0xad]),
      timestamp: '1767225600000',
      headers: { 'event-id': Buffer.from('e-1') },
    };
    const failure = {
      consumerGroup: 'inventory-service',
      code: 'unknown-sku',
      message: 'x'.repeat(5_000),
      attempts: 5,
      failedAt: new Date(0),
    };

    const message = deadLetterMessage(record, failure);

    expect(message).toMatchObject({ key: record.key, value: record.value, timestamp: record.timestamp });
    expect(message.headers).toEqual({
      'event-id': Buffer.from('e-1'),
      'dlt-original-topic': 'orders',
      'dlt-original-partition': '4',
      'dlt-original-offset': '17',
      'dlt-consumer-group': 'inventory-service',
      'dlt-error-code': 'unknown-sku',
      'dlt-error-message': 'x'.repeat(1_000),
      'dlt-attempts': '5',
      'dlt-failed-at': '1970-01-01T00:00:00.000Z',
    });
  });
});
