import { setTimeout as delay } from 'node:timers/promises';
import { eventToMessage, OrderflowError } from '@orderflow/events';
import { consumeFromBeginning, waitFor } from '@orderflow/testing';
import { statusReached } from '../spec-helpers/status-reached.ts';
import type { ConsumerStatus } from './consumer-status.ts';
import type { EventProducer } from '../producer/event-producer.ts';
import { consumerTestBed, type ConsumerTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';

describe('the consumer runner', () => {
  let bed: ConsumerTestBed;
  let producer: EventProducer;

  beforeEach(async () => {
    bed = await consumerTestBed('consumer-runner');
    producer = bed.producer;
  });

  afterEach(() => bed.stop());

  it('dead-letters a record of garbage bytes at once, with its reason, and goes on with the records after it', async () => {
    const { topic, kafka } = bed;
    const orderId = crypto.randomUUID();
    const valid = eventToMessage(topic, 'OrderPlacedEvent', orderPlaced(orderId), testContext());
    const garbage = { ...valid, value: Buffer.from([0xff, 0xfe, 0x00, 0x42]) };
    const raw = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await raw.connect();
    const [sent] = await raw
      .send({ topic: topic.name, acks: -1, messages: [{ ...garbage, headers: { ...garbage.headers } }] })
      .finally(() => raw.disconnect());
    await producer.publish(
      topic,
      'OrderConfirmedEvent',
      { orderId, customerId: crypto.randomUUID(), email: 'ada@example.com' },
      testContext(),
    );

    const handled: string[] = [];
    const runner = await bed.startRunner(async (event) => {
      handled.push(event.type);
    });

    await waitFor(() => handled.length === 1, { description: 'the record after the garbage to be handled' });
    const [deadLetter] = await consumeFromBeginning(kafka, bed.deadLetterTopicName, 1);
    expect(handled).toEqual(['OrderConfirmedEvent']);
    expect(deadLetter?.message.key?.toString()).toBe(orderId);
    expect(deadLetter?.message.value).toEqual(garbage.value);
    const headers = Object.fromEntries(
      Object.entries(deadLetter?.message.headers ?? {}).map(([name, value]) => [name, String(value)]),
    );
    expect(headers).toMatchObject({
      ...valid.headers,
      'dlt-original-topic': topic.name,
      'dlt-original-partition': String(sent?.partition),
      'dlt-original-offset': sent?.baseOffset,
      'dlt-consumer-group': bed.groupId,
      'dlt-error-code': 'undecodable-value',
      'dlt-attempts': '0',
    });
    expect(headers['dlt-error-message']).toContain('OrderPlacedEvent v1');
    await statusReached(runner, ({ processed }) => processed === 1, { description: 'the counters to be updated' });
    expect(runner.status()).toMatchObject({ processed: 1, deadLettered: 1, lastError: { code: 'undecodable-value' } });
  });

  it('handles exactly once an event whose retriable failure clears within the retries, and dead-letters a non-retriable one at once', async () => {
    const { topic } = bed;
    const flaky = orderPlaced();
    const hopeless = orderPlaced();
    const after = orderPlaced();
    for (const event of [flaky, hopeless, after])
      await producer.publish(topic, 'OrderPlacedEvent', event, testContext());

    const effects: string[] = [];
    const attempts = new Map<string, number>();
    const runner = await bed.startRunner(
      async (decoded, context) => {
        if (decoded.type !== 'OrderPlacedEvent') return;
        const { orderId } = decoded.event;
        attempts.set(orderId, context.attempt);
        if (orderId === flaky.orderId && context.attempt < 3) {
          throw new OrderflowError('the database is failing over', { code: 'DATABASE_UNAVAILABLE', retriable: true });
        }
        if (orderId === hopeless.orderId)
          throw new OrderflowError('no such customer', { code: 'invalid-event', retriable: false });
        effects.push(orderId);
      },
      { attempts: 5, backoff: { initialMs: 50, maxMs: 200 } },
    );

    await statusReached(runner, ({ processed, deadLettered }) => processed === 2 && deadLettered === 1, {
      description: 'all three records dealt with',
    });
    expect(effects.sort()).toEqual([flaky.orderId, after.orderId].sort());
    expect(attempts.get(flaky.orderId)).toBe(3);
    expect(attempts.get(hopeless.orderId)).toBe(1);
    expect(runner.status()).toMatchObject({ retried: 2, deadLettered: 1, lastError: { code: 'invalid-event' } });
    const [deadLetter] = await consumeFromBeginning(bed.kafka, bed.deadLetterTopicName, 1);
    expect(deadLetter?.message.key?.toString()).toBe(hopeless.orderId);
    expect(String(deadLetter?.message.headers?.['dlt-attempts'])).toBe('1');
  });

  it('waits out a database outage longer than all its retries, without dead-lettering, and then handles the record once', async () => {
    const { topic } = bed;
    const event = orderPlaced();
    await producer.publish(topic, 'OrderPlacedEvent', event, testContext());
    const outageEnds = Date.now() + 6_000;
    let tries = 0;
    const effects: string[] = [];
    // 2 attempts would be all a failing record gets; the outage outlasts many more tries.
    const runner = await bed.startRunner(
      async (decoded) => {
        tries += 1;
        if (Date.now() < outageEnds)
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
        if (decoded.type === 'OrderPlacedEvent') effects.push(decoded.event.orderId);
      },
      { attempts: 2, backoff: { initialMs: 50, maxMs: 100 } },
    );

    await statusReached(runner, ({ processed }) => processed === 1, {
      description: 'the record to be handled after the outage',
      timeoutMs: 30_000,
    });
    expect(effects).toEqual([event.orderId]);
    expect(tries).toBeGreaterThan(2);
    expect(runner.status()).toMatchObject({ deadLettered: 0, lastError: { code: 'ECONNREFUSED' } });
  });

  it('splits the partitions between two instances, and when one stops the other takes them all and misses nothing', async () => {
    const { topic } = bed;
    const handled = new Set<string>();
    const handler = async (decoded: { metadata: { eventId: string } }) => {
      handled.add(decoded.metadata.eventId);
    };
    const publishMany = async (count: number) => {
      const ids: string[] = [];
      for (let index = 0; index < count; index += 1) {
        const eventId = crypto.randomUUID();
        ids.push(eventId);
        await producer.publish(topic, 'OrderPlacedEvent', orderPlaced(), { ...testContext(), eventId });
      }
      return ids;
    };
    const partitionsOf = (status: ConsumerStatus) => [...(status.assignment[topic.name] ?? [])];

    const first = await bed.startRunner(handler);
    await statusReached(first, (status) => partitionsOf(status).length === 6, {
      description: 'the first instance to hold all 6 partitions',
    });
    const second = await bed.startRunner(handler);
    const holdsThree = (status: ConsumerStatus) => partitionsOf(status).length === 3;
    await statusReached(first, holdsThree, { description: 'the first instance to hold 3 partitions' });
    await statusReached(second, holdsThree, { description: 'the second instance to hold 3 partitions' });
    expect([...partitionsOf(first.status()), ...partitionsOf(second.status())].sort()).toEqual([0, 1, 2, 3, 4, 5]);

    const before = await publishMany(30);
    await waitFor(() => before.every((id) => handled.has(id)), {
      description: 'the first 30 events handled by the pair',
    });
    expect(first.status().processed).toBeGreaterThan(0);
    expect(second.status().processed).toBeGreaterThan(0);

    const during = publishMany(30);
    await second.stop();
    await statusReached(first, (status) => partitionsOf(status).length === 6, {
      description: 'the remaining instance to take all 6 partitions',
    });
    const rest = await during;
    await waitFor(() => rest.every((id) => handled.has(id)), {
      description: 'every event published around the stop handled',
    });
    expect(second.status()).toMatchObject({ state: 'stopped', assignment: {} });
  });

  it('keeps a member with a handler that runs longer than the session timeout in the group', async () => {
    const slow = orderPlaced();
    await producer.publish(bed.topic, 'OrderPlacedEvent', slow, testContext());
    // Same key, same partition: handled after the slow one, once the runner has sent the
    // heartbeat that would reveal that the member had been dropped.
    await producer.publish(bed.topic, 'OrderCancelledEvent', { ...slow }, testContext());
    const runner = await bed.startRunner(
      // Longer than the session timeout: without heartbeats during the handler, the group
      // coordinator would drop the member, and it would have to join again.
      async (decoded) => {
        if (decoded.type === 'OrderPlacedEvent') await delay(8_000);
      },
      undefined,
      { sessionTimeoutMs: 6_000, handlerTimeoutMs: 15_000 },
    );

    await statusReached(runner, ({ processed }) => processed === 2, {
      description: 'both events handled',
      timeoutMs: 30_000,
    });
    expect(runner.status()).toMatchObject({ rebalances: 1, retried: 0, deadLettered: 0 });
    expect(runner.status().assignment[bed.topic.name]).toHaveLength(6);
  });
});
