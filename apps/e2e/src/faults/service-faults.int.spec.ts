import { loadFor, seconds } from './harness/fault-form.ts';
import { startFaultStack, type FaultStack } from './harness/fault-stack.ts';
import { expectSound, runScenario } from './harness/run-scenario.ts';

// Service faults under load: processes killed mid-request and mid-transaction, consumer
// instances coming and going, a database out of reach.

describe('nothing lost, nothing applied twice: service faults under load', () => {
  let faultStack: FaultStack;

  beforeAll(async () => {
    faultStack = await startFaultStack({ inventory: 2 });
  });
  afterAll(async () => {
    await faultStack?.stop();
  });

  it('7. SIGKILL order-service under load, restart it: every acknowledged order survives, the outbox publishes the rest', async () => {
    const report = await runScenario({
      name: 'kill order-service',
      faultStack,
      warmUpMs: seconds(3, 15),
      coolDownMs: seconds(3, 15),
      fault: async () => {
        await faultStack.stack.process('order-service').kill();
        await loadFor(seconds(2, 10));
        await faultStack.stack.startProcess(faultStack.spec('order-service', 1));
      },
    });
    expectSound(report);
    // Requests sent while it was down failed: the clients knew, and nothing exists twice.
    expect(report.failed).toBeGreaterThan(0);
  });

  it('8. SIGKILL an inventory-service instance mid-batch while another runs: its partitions are taken over, its uncommitted records redelivered and applied once', async () => {
    const report = await runScenario({
      name: 'kill an inventory instance',
      faultStack,
      warmUpMs: seconds(3, 15),
      coolDownMs: seconds(3, 15),
      fault: async () => {
        await faultStack.stack.process('inventory-service#1').kill();
        // The group notices only when the session times out (10 s); the other instance then
        // takes the partitions over and reads on from the last committed offsets.
        await loadFor(seconds(5, 40));
        await faultStack.stack.startProcess(faultStack.spec('inventory-service', 1));
      },
    });
    expectSound(report);
  });

  it('9. consumer instances added and removed under load: every rebalance hands partitions over without loss or double effects', async () => {
    const report = await runScenario({
      name: 'instances come and go',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        await faultStack.stack.startProcess(faultStack.spec('inventory-service', 3));
        await loadFor(seconds(3, 10));
        await faultStack.stack.process('inventory-service#2').stop();
        await loadFor(seconds(3, 10));
        await faultStack.stack.startProcess(faultStack.spec('inventory-service', 4));
        await loadFor(seconds(3, 10));
        await faultStack.stack.process('inventory-service#3').stop();
        await faultStack.stack.startProcess(faultStack.spec('inventory-service', 2));
      },
    });
    expectSound(report);
  });

  it("10. inventory-service's database unreachable: its records wait and are retried, none is dead-lettered, all are processed afterwards", async () => {
    const report = await runScenario({
      name: 'inventory database unreachable',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        faultStack.inventoryDatabase.cut();
        await loadFor(seconds(8, 20));
        faultStack.inventoryDatabase.restore();
      },
    });
    expectSound(report, { deadLettered: 0 });
  });
});
