import { once } from 'node:events';
import { consumerTestBed, type ConsumerTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';
import { statusReached } from '../spec-helpers/status-reached.ts';
import type { ConsumerRunner } from './consumer-runner.ts';

describe('a member waiting out a database outage when the group rebalances', () => {
  let bed: ConsumerTestBed;

  beforeEach(async () => {
    bed = await consumerTestBed('rebalance-wait');
  });

  afterEach(() => bed.stop());

  it('stops waiting and gives its partitions up at once; the owner after the rebalance handles the record once', async () => {
    const { topic } = bed;
    const event = orderPlaced();
    await bed.producer.publish(topic, 'OrderPlacedEvent', event, testContext());
    let databaseUp = false;
    const handledBy: string[] = [];
    const handlerOf = (name: string) => async () => {
      if (!databaseUp) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      handledBy.push(name);
    };
    // Long outage pauses: a member that heard of the rebalance only between them would hold the group up.
    const slowWaits = { outageBackoff: { initialMs: 20_000, maxMs: 20_000 } };

    const first = await bed.startRunner(handlerOf('first'), undefined, slowWaits);
    const [wait] = await once(first.events, 'outageWait');
    const started = Date.now();
    const second = await bed.startRunner(handlerOf('second'), undefined, slowWaits);
    const partitionsOf = (runner: ConsumerRunner) => runner.status().assignment[topic.name] ?? [];
    await statusReached(second, () => partitionsOf(second).length === 3, {
      description: 'the second member to get its half of the partitions',
    });
    const rebalanceMs = Date.now() - started;
    await statusReached(first, () => partitionsOf(first).length === 3, {
      description: 'the first member to hold the other half',
    });

    databaseUp = true;
    const owner = partitionsOf(first).includes(wait.partition) ? 'first' : 'second';
    await statusReached(owner === 'first' ? first : second, ({ processed }) => processed === 1, {
      description: `the record handled by its owner after the rebalance (${owner})`,
      timeoutMs: 45_000,
    });
    // Without heartbeats that end the wait, the group waits for the first member's rejoin up to
    // kafkajs's rebalance timeout (60 s), and the first member handles the record as a zombie.
    expect(rebalanceMs).toBeLessThan(5_000);
    expect(handledBy).toEqual([owner]);
    expect([first.status().deadLettered, second.status().deadLettered]).toEqual([0, 0]);
  }, 120_000);
});
