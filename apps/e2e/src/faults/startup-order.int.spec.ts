import { localTestCluster, restoreTestCluster, waitFor } from '@orderflow/testing';
import { loadFor, seconds } from './harness/fault-form.ts';
import { allReady, startFaultStack, type FaultStack } from './harness/fault-stack.ts';
import { expectSound, runScenario } from './harness/run-scenario.ts';

type LocalKafkaCluster = Awaited<ReturnType<typeof localTestCluster>>;

describe('nothing lost, nothing applied twice: start-up order', () => {
  let cluster: LocalKafkaCluster;
  let faultStack: FaultStack | undefined;

  afterAll(async () => {
    await faultStack?.stop();
    if (cluster) await restoreTestCluster(cluster);
  });

  it('13. services started before the brokers wait for them and become ready without a restart', async () => {
    cluster = await localTestCluster();
    for (const node of cluster.nodes()) await cluster.killBroker(node.id);

    faultStack = await startFaultStack({ inventory: 2, waitUntilReady: false });
    const services = [...faultStack.stack.services];
    // Alive and answering, but not ready: there is no Kafka to talk to.
    await waitFor(
      async () =>
        (
          await Promise.all(
            services.map((service) =>
              fetch(`${service.url}/health`).then(
                (r) => r.ok,
                () => false,
              ),
            ),
          )
        ).every(Boolean),
      {
        description: 'every service to answer /health',
        timeoutMs: 60_000,
      },
    );
    await loadFor(seconds(3, 20));
    for (const service of services) expect((await fetch(`${service.url}/ready`)).status).toBe(503);

    await cluster.restore();
    await allReady(faultStack);

    const report = await runScenario({
      name: 'started before the brokers',
      faultStack,
      warmUpMs: seconds(3, 10),
      coolDownMs: 0,
      fault: async () => {},
    });
    expectSound(report);
    // Still the processes started first: none exited, none had to be started again.
    expect(faultStack.stack.services.map((service) => service.pid)).toEqual(services.map((service) => service.pid));
    expect(services.every((service) => service.running())).toBe(true);
  });
});
