import { ordersTopic } from '@orderflow/events';
import { describePartitions, localTestCluster, restoreTestCluster } from '@orderflow/testing';
import { loadFor, seconds, times } from './harness/fault-form.ts';
import { startFaultStack, systemTopics, type FaultStack } from './harness/fault-stack.ts';
import { expectSound, runScenario } from './harness/run-scenario.ts';

type LocalKafkaCluster = Awaited<ReturnType<typeof localTestCluster>>;

// Broker faults under load. The promise: an order answered 2xx is never lost and its effects
// happen exactly once, whatever the brokers do. Each scenario ends with every partition's
// replicas back in sync, so the next one starts from a healthy cluster.

describe('nothing lost, nothing applied twice: broker faults under load', () => {
  let cluster: LocalKafkaCluster;
  let faultStack: FaultStack;

  beforeAll(async () => {
    cluster = await localTestCluster();
    // One inventory instance: these scenarios are about the brokers, and 2 cores are busy enough.
    faultStack = await startFaultStack({ inventory: times(1, 2) });
  });
  afterAll(async () => {
    await faultStack?.stop();
    if (cluster) await restoreTestCluster(cluster);
  });

  const leaderOfPartitionZero = async () => {
    const [partition] = await describePartitions(faultStack.kafka, ordersTopic.name);
    if (partition === undefined) throw new Error('the orders topic has no partition 0');
    return partition.leader;
  };

  it('1. SIGKILL the leader of a busy partition, restart it: a new leader takes over, nothing is lost', async () => {
    const report = await runScenario({
      name: 'kill the leader of orders[0]',
      faultStack,
      warmUpMs: seconds(3, 15),
      coolDownMs: seconds(3, 15),
      fault: async () => {
        const leader = await leaderOfPartitionZero();
        await cluster.killBroker(leader);
        await loadFor(seconds(5, 30));
        await cluster.startBroker(leader);
        await cluster.waitForFullIsr(120_000, systemTopics);
      },
    });
    expectSound(report);
  });

  it(`2. hard-bounce the same broker ${times(2, 5)} times: every bounce is survived`, async () => {
    const report = await runScenario({
      name: `hard-bounce one broker ${times(2, 5)} times`,
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 15),
      fault: async () => {
        const broker = await leaderOfPartitionZero();
        for (let bounce = 0; bounce < times(2, 5); bounce += 1) {
          await cluster.killBroker(broker);
          await cluster.startBroker(broker);
        }
        await cluster.waitForFullIsr(120_000, systemTopics);
      },
    });
    expectSound(report);
  });

  it('3. rolling restart of all brokers (SIGTERM, full ISR in between): the API never stops', async () => {
    const report = await runScenario({
      name: 'rolling restart',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        for (const node of cluster.nodes()) {
          await cluster.stopBroker(node.id);
          await cluster.startBroker(node.id);
          await cluster.waitForFullIsr(120_000, systemTopics);
        }
      },
    });
    expectSound(report);
    expect(report.failed).toBe(0);
  });

  it('4. SIGSTOP a broker, then SIGCONT: a hung broker is dropped from the ISR and rejoins', async () => {
    const report = await runScenario({
      name: 'pause a broker',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        const broker = await leaderOfPartitionZero();
        await cluster.pauseBroker(broker);
        await loadFor(seconds(10, 30));
        await cluster.resumeBroker(broker);
        await cluster.waitForFullIsr(120_000, systemTopics);
      },
    });
    expectSound(report);
  });

  it('5. two brokers down: the API keeps answering 201 (the outbox holds the events), and everything flows after recovery', async () => {
    let acknowledgedDuringOutage = 0;
    const report = await runScenario({
      name: 'two brokers down',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        const [first, second] = cluster.nodes().map((node) => node.id);
        await cluster.killBroker(Number(first));
        await cluster.killBroker(Number(second));
        const before = await countAcknowledged(faultStack);
        await loadFor(seconds(10, 30));
        acknowledgedDuringOutage = (await countAcknowledged(faultStack)) - before;
        await cluster.restore();
        await cluster.waitForFullIsr(120_000, systemTopics);
      },
    });
    expectSound(report);
    expect(acknowledgedDuringOutage).toBeGreaterThan(0);
  });

  it('6. the whole cluster down, then up: orders are accepted meanwhile and all flow afterwards', async () => {
    const report = await runScenario({
      name: 'whole cluster down',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        for (const node of cluster.nodes()) await cluster.killBroker(node.id);
        await loadFor(seconds(10, 30));
        await cluster.restore();
        await cluster.waitForFullIsr(120_000, systemTopics);
      },
    });
    expectSound(report);
  });
});

/** Orders order-service has stored: grows while Kafka is down, thanks to the outbox. */
async function countAcknowledged(faultStack: FaultStack): Promise<number> {
  const response = await fetch(`${faultStack.orderServiceUrl()}/metrics`);
  const text = await response.text();
  const line = text
    .split('\n')
    .find((entry) => entry.startsWith('orderflow_http_requests_total') && entry.includes('status="201"'));
  return Number(line?.split(' ').at(-1) ?? 0);
}
