import { randomUUID } from 'node:crypto';
import { deadLetterTopicName, eventToMessage, ordersTopic } from '@orderflow/events';
import { consumeFromBeginning, recordCount } from '@orderflow/testing';
import type { Producer } from 'kafkajs';
import { loadFor, seconds } from './harness/fault-form.ts';
import { startFaultStack, type FaultStack } from './harness/fault-stack.ts';
import { expectSound, runScenario } from './harness/run-scenario.ts';

// Bad records on the topic itself, written around the services: what a buggy or foreign
// producer could do. Each consumer group must dead-letter them with the reason and go on.

describe('nothing lost, nothing applied twice: poison and duplicate records', () => {
  let faultStack: FaultStack;
  let producer: Producer;

  beforeAll(async () => {
    faultStack = await startFaultStack({ inventory: 2 });
    producer = faultStack.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
  });
  afterAll(async () => {
    await producer?.disconnect();
    await faultStack?.stop();
  });

  /** A valid OrderPlacedEvent message for an order no service knows, to be spoiled. */
  const validMessage = () =>
    eventToMessage(
      ordersTopic,
      'OrderPlacedEvent',
      {
        orderId: randomUUID(),
        customerId: randomUUID(),
        email: 'poison@example.com',
        items: [{ sku: 'BOOK-1', quantity: 1 }],
      },
      { occurredAt: new Date(), correlationId: 'poison' },
    );
  const poison = () => {
    const valid = validMessage();
    return [
      { ...valid, value: Buffer.from([0xde, 0xad, 0xbe, 0xef]) },
      { ...valid, headers: { ...valid.headers, 'event-type': 'OrderTeleportedEvent', 'event-id': randomUUID() } },
      {
        ...valid,
        value: Buffer.from(JSON.stringify({ orderId: 'not-a-uuid', items: [] })),
        headers: { ...valid.headers, 'event-id': randomUUID() },
      },
      { ...valid, headers: { ...valid.headers, 'event-version': '0', 'event-id': randomUUID() } },
    ];
  };

  it('11. poison records between valid ones: each lands in every group dead-letter topic with its reason, all others are processed', async () => {
    const groups = ['inventory-service', 'notification-service'];
    const before = await Promise.all(groups.map((group) => deadLetterCodes(faultStack, group)));
    const report = await runScenario({
      name: 'poison records',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        for (const message of poison()) {
          await producer.send({ topic: ordersTopic.name, acks: -1, messages: [message] });
          await loadFor(500);
        }
      },
    });
    // 4 poison records, dead-lettered once by each of the 2 groups that read orders.
    expectSound(report, { deadLettered: 8 });
    const after = await Promise.all(groups.map((group) => deadLetterCodes(faultStack, group)));
    for (const [index] of groups.entries()) {
      expect(added(before[index] ?? [], after[index] ?? [])).toEqual([
        'invalid-event-field',
        'undecodable-value',
        'unknown-event-type',
        'unsupported-event-version',
      ]);
    }
  });

  it('12. the same events produced twice: each has one effect', async () => {
    let duplicated = 0;
    const report = await runScenario({
      name: 'events produced twice',
      faultStack,
      warmUpMs: seconds(4, 15),
      coolDownMs: seconds(2, 5),
      fault: async () => {
        // Copy records of orders placed during this scenario, byte for byte (same event id).
        const scenarioStarted = Date.now() - seconds(4, 15);
        const records = await consumeFromBeginning(
          faultStack.kafka,
          ordersTopic.name,
          await recordCount(faultStack.kafka, ordersTopic.name),
        );
        const recent = records.filter((record) => Number(record.message.timestamp) >= scenarioStarted).slice(-20);
        for (const { message } of recent) {
          await producer.send({
            topic: ordersTopic.name,
            acks: -1,
            messages: [
              { key: message.key, value: message.value, timestamp: message.timestamp, headers: message.headers },
            ],
          });
        }
        duplicated = recent.length;
      },
    });
    expectSound(report);
    expect(duplicated).toBeGreaterThan(0);
  });
});

/** The codes in `after` that `before` did not have yet, sorted (counting repeats). */
function added(before: readonly string[], after: readonly string[]): string[] {
  const remaining = [...before];
  return after
    .filter((code) => {
      const index = remaining.indexOf(code);
      if (index === -1) return true;
      remaining.splice(index, 1);
      return false;
    })
    .sort();
}

/** The `dlt-error-code` header of every record on a group's dead-letter topic of `orders`. */
async function deadLetterCodes(faultStack: FaultStack, group: string): Promise<string[]> {
  const topic = deadLetterTopicName(ordersTopic, group);
  const count = await recordCount(faultStack.kafka, topic);
  if (count === 0) return [];
  const records = await consumeFromBeginning(faultStack.kafka, topic, count);
  return records.map((record) => String(record.message.headers?.['dlt-error-code']));
}
