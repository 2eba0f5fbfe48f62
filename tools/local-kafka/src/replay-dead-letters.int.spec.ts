import { consumeFromBeginning, createTestTopic, recordCount, testCluster } from '@orderflow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { replayDeadLetters } from './replay-dead-letters.ts';

// Joining a consumer group takes seconds: more than jest's default 5 s per test.
const timeoutMs = 60_000;

describe('replaying dead letters (real cluster)', () => {
  let kafka: Kafka;

  beforeAll(async () => {
    const { brokers } = await testCluster();
    kafka = new Kafka({ clientId: 'replay-dead-letters-spec', brokers, logLevel: logLevel.NOTHING });
  });

  it(
    'puts the chosen records back on their original topic with key, value, timestamp and original headers',
    async () => {
      const original = await createTestTopic(kafka, { partitions: 3 });
      const deadLetters = await createTestTopic(kafka, { partitions: 3 });
      const deadLetter = (eventId: string, key: string) => ({
        key,
        value: JSON.stringify({ orderId: key }),
        timestamp: '1767225600000',
        headers: {
          'event-id': eventId,
          'event-type': 'OrderPlacedEvent',
          'dlt-original-topic': original,
          'dlt-error-code': 'handler-failed',
          'dlt-error-message': 'a bug, with: commas, and colons',
        },
      });
      const producer = kafka.producer();
      await producer.connect();
      await producer.send({
        topic: deadLetters,
        acks: -1,
        messages: [deadLetter('event-1', 'order-1'), deadLetter('event-2', 'order-2')],
      });
      await producer.disconnect();

      const replayed = await replayDeadLetters({ kafka, deadLetterTopic: deadLetters, eventIds: ['event-2'] });

      expect(replayed).toEqual([{ topic: original, eventId: 'event-2', key: 'order-2' }]);
      const [record] = await consumeFromBeginning(kafka, original, 1);
      expect(record?.message.key?.toString()).toBe('order-2');
      expect(record?.message.value?.toString()).toBe(JSON.stringify({ orderId: 'order-2' }));
      expect(record?.message.timestamp).toBe('1767225600000');
      const headers = Object.fromEntries(
        Object.entries(record?.message.headers ?? {}).map(([name, value]) => [name, String(value)]),
      );
      expect(headers).toEqual({ 'event-id': 'event-2', 'event-type': 'OrderPlacedEvent' });
      expect(await recordCount(kafka, original)).toBe(1);
    },
    timeoutMs,
  );

  it(
    'replays nothing from an empty dead-letter topic',
    async () => {
      const deadLetters = await createTestTopic(kafka, { partitions: 3 });

      expect(await replayDeadLetters({ kafka, deadLetterTopic: deadLetters })).toEqual([]);
    },
    timeoutMs,
  );
});
