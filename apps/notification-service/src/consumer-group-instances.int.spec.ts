import { randomUUID } from 'node:crypto';
import { createEventProducer, type EventProducer } from '@orderflow/kafka';
import { startTestService, waitFor, type TestServiceOf } from '@orderflow/testing';
import type { NotificationService } from './create-notification-service.ts';
import {
  consumerStatus,
  eventContext,
  newCustomer,
  notificationService,
  testItems,
} from './spec-helpers/notification-service-app.ts';

describe('two notification-service instances in one consumer group (real PostgreSQL and Kafka)', () => {
  let app: TestServiceOf<typeof notificationService>;
  let first: NotificationService;
  let second: NotificationService;
  let producer: EventProducer;

  beforeAll(async () => {
    // Same database, topic and group: two replicas of the service.
    app = await startTestService(notificationService, { instances: 2 });
    [first, second] = app.instances as [NotificationService, NotificationService];
    producer = createEventProducer({ kafka: app.kafka });
    await producer.start();
  });
  afterAll(async () => {
    await producer?.stop();
    await app?.stop();
  });

  it('split the 6 partitions, none held twice, and record exactly one notification for each of 30 orders', async () => {
    const topic = app.topics.orders.name;
    const [held1, held2] = await waitFor(
      async () => {
        const held: [number[], number[]] = [
          (await consumerStatus(first)).assignment[topic] ?? [],
          (await consumerStatus(second)).assignment[topic] ?? [],
        ];
        const all = held.flat().sort((a, b) => a - b);
        // Settled: both hold some, together all six, each once.
        return held.every((partitions) => partitions.length > 0) && all.join() === '0,1,2,3,4,5' && held;
      },
      { description: 'the two instances to split the 6 partitions', timeoutMs: 60_000 },
    );
    expect(held1.filter((partition) => held2.includes(partition))).toEqual([]);

    const orderIds = Array.from({ length: 30 }, () => randomUUID());
    await Promise.all(
      orderIds.map((orderId) =>
        producer.publish(
          app.topics.orders,
          'OrderPlacedEvent',
          { orderId, ...newCustomer(), items: testItems },
          eventContext(),
        ),
      ),
    );

    // Counted after each inbox commit: when they add up to 30, every event is handled.
    const processed = async () => (await consumerStatus(first)).processed + (await consumerStatus(second)).processed;
    await waitFor(async () => (await processed()) >= 30, { description: '30 order events handled' });

    const { rows } = await app.database.pool.query<{ order_id: string; count: string }>(
      'SELECT order_id, count(*) FROM notifications GROUP BY order_id',
    );
    expect(rows.map((row) => row.order_id).sort()).toEqual([...orderIds].sort());
    expect(rows.every((row) => row.count === '1')).toBe(true);
    // Both did part of the work, and between them handled each event once.
    const [status1, status2] = [await consumerStatus(first), await consumerStatus(second)];
    expect(status1.processed).toBeGreaterThan(0);
    expect(status2.processed).toBeGreaterThan(0);
    expect(status1.processed + status2.processed).toBe(30);
  });
});
