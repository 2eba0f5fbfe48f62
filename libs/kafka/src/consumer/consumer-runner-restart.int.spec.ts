import { localTestCluster, restoreTestCluster, waitFor } from '@orderflow/testing';
import { createEventProducer } from '../producer/event-producer.ts';
import { consumerTestBed, type ConsumerTestBed } from '../spec-helpers/consumer-test-bed.ts';
import { orderPlaced, testContext } from '../spec-helpers/order-events.ts';

type LocalKafkaCluster = Awaited<ReturnType<typeof localTestCluster>>;

describe('the consumer runner across a Kafka restart', () => {
  let cluster: LocalKafkaCluster | undefined;
  let bed: ConsumerTestBed | undefined;

  afterAll(async () => {
    await bed?.stop();
    // Leave the shared cluster as we found it, even if the test failed half-way.
    if (cluster) await restoreTestCluster(cluster);
  }, 180_000);

  it('comes back by itself after every broker restarted, and handles what was published since', async () => {
    cluster = await localTestCluster();
    bed = await consumerTestBed('consumer-restart');
    const handled = new Set<string>();
    const runner = await bed.startRunner(async (decoded) => {
      handled.add(decoded.metadata.eventId);
    });
    const { kafka, topic } = bed;
    /** Publishes one event with a fresh producer (so it is not the thing being tested); returns its id. */
    const publish = async () => {
      const producer = createEventProducer({ kafka });
      await producer.start();
      try {
        const eventId = crypto.randomUUID();
        await producer.publish(topic, 'OrderPlacedEvent', orderPlaced(), { ...testContext(), eventId });
        return eventId;
      } finally {
        await producer.stop();
      }
    };
    const before = await publish();
    await waitFor(() => handled.has(before), { description: 'the event before the restart to be handled' });

    for (const node of cluster.nodes()) await cluster.stopBroker(node.id);
    await cluster.restore();
    const after = await waitFor(() => publish().catch(() => undefined), {
      description: 'Kafka to take writes again',
      timeoutMs: 120_000,
    });

    await waitFor(() => handled.has(after), {
      description: 'the runner to handle the event published after the restart',
      timeoutMs: 120_000,
    });
    expect(runner.status()).toMatchObject({ state: 'running', deadLettered: 0 });
  }, 300_000);
});
