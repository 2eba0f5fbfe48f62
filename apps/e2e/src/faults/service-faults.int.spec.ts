import { consumerRunnerDefaults, outboxRelayDefaults } from '@orderflow/kafka';
import { findFreePort } from '@orderflow/service';
import { waitFor } from '@orderflow/testing';
import { holdStockRow, sessionsWaitingForLocks, terminateSessionsFor } from './harness/database-sessions.ts';
import { loadFor, seconds } from './harness/fault-form.ts';
import { startFaultStack, type FaultStack } from './harness/fault-stack.ts';
import { groupMembers } from './harness/group-members.ts';
import { finalOrdersSince, outboxSince, relayRoleOf } from './harness/outbox-relays.ts';
import { ordersAwaitingStock } from './harness/reservations.ts';
import { expectSound, runScenario } from './harness/run-scenario.ts';
import { watchServices } from './harness/service-watch.ts';

// Service faults under load: processes killed mid-request and mid-transaction, consumer
// instances coming and going, a database out of reach, database sessions ended by the
// server, an instance frozen inside a transaction.

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

  it("14. every service's database sessions terminated under load (pg_terminate_backend): no process exits, nothing is lost or applied twice, none is dead-lettered", async () => {
    const services = watchServices(faultStack.stack, faultStack.output);
    const terminated: Record<string, number> = {};
    const report = await runScenario({
      name: 'database sessions terminated',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async () => {
        // One database after the other, as a failover of each would: the requests and records
        // in flight fail over to 503s and waits, and the pools open new sessions.
        for (const app of ['order-service', 'inventory-service', 'notification-service']) {
          terminated[app] = await terminateSessionsFor(
            faultStack.stack.databaseUrls.get(app) ?? '',
            app,
            seconds(2, 10),
          );
        }
      },
    });
    services.expectAllStillRunning();
    expectSound(report, { deadLettered: 0 });
    // Every database did lose sessions: the fault happened where it was meant to.
    expect(Object.entries(terminated).filter(([, count]) => count === 0)).toEqual([]);
  });

  it('15. an inventory-service instance frozen (SIGSTOP) mid-batch past the group session timeout: its locks are freed and its partitions handled while it is frozen; after SIGCONT nothing is lost, applied twice or dead-lettered', async () => {
    const services = watchServices(faultStack.stack, faultStack.output);
    const frozen = faultStack.stack.process('inventory-service#1');
    // The stack gives each instance its label as KAFKA_CLIENT_ID, '#' made '-'.
    const frozenClientId = frozen.spec.label.replace('#', '-');
    const inventoryDatabase = faultStack.stack.databaseUrls.get('inventory-service') ?? '';
    const report = await runScenario({
      name: 'inventory instance frozen mid-batch',
      faultStack,
      warmUpMs: seconds(2, 10),
      coolDownMs: seconds(3, 10),
      fault: async ({ sku }) => {
        // Every order takes the product's stock row. Holding it stops every instance inside
        // its batch's transaction (inbox rows written, waiting for the row): freeze one there.
        const instances = faultStack.stack.services.filter(
          (service) => service.spec.app === 'inventory-service' && service.running(),
        ).length;
        const stockRow = await holdStockRow(inventoryDatabase, sku);
        try {
          await waitFor(
            async () => (await sessionsWaitingForLocks(inventoryDatabase, 'inventory-service')) >= instances,
            {
              description: 'every inventory-service instance to wait for the stock row inside its transaction',
              timeoutMs: 8_000,
            },
          );
          await frozen.pause();
        } finally {
          await stockRow.release();
        }
        const frozenAt = Date.now();
        try {
          // The frozen session gets the row and holds it, idle in its transaction, until the
          // server ends it (idle_in_transaction_session_timeout). The group drops the silent
          // member after its session timeout and hands its partitions to the others.
          await waitFor(
            async () => {
              const group = await groupMembers(faultStack.kafka, 'inventory-service');
              if (group.state === 'Stable' && group.clientIds.length > 0 && !group.clientIds.includes(frozenClientId))
                return true;
              // Kept as the last error: a timeout then says where the group got stuck.
              throw new Error(`the group is ${group.state} with ${group.clientIds.join(', ') || 'no members'}`);
            },
            { description: `the group to drop ${frozen.spec.label} and settle`, timeoutMs: 60_000, intervalMs: 500 },
          );
          const droppedAt = new Date();
          await waitFor(
            async () => {
              const waiting = await ordersAwaitingStock(faultStack.stack.databaseUrls, sku, droppedAt);
              if (waiting === 0) return true;
              throw new Error(`${waiting} orders have none yet`);
            },
            {
              description: `every order placed so far to have its stock outcome while ${frozen.spec.label} is frozen`,
              timeoutMs: 30_000,
              intervalMs: 500,
            },
          );
          // Frozen past the session timeout, however early the group let go (the timeout runs
          // from the last heartbeat, before the freeze); the long form stays frozen longer.
          await loadFor(
            Math.max(0, frozenAt + consumerRunnerDefaults.sessionTimeoutMs + 2_000 - Date.now()) + seconds(0, 30),
          );
        } finally {
          await frozen.resume();
        }
      },
    });
    services.expectAllStillRunning();
    expectSound(report, { deadLettered: 0 });
  });

  it("16. the order-service instance leading the outbox relay frozen (SIGSTOP): another instance's relay leads within the leader timeout, orders go on to their outcome, and the thawed one stands by", async () => {
    const second = await faultStack.stack.startProcess({
      app: 'order-service',
      label: 'order-service#2',
      instance: 2,
      port: await findFreePort(),
    });
    const instances = [faultStack.stack.process('order-service'), second];
    const orderDatabase = faultStack.stack.databaseUrls.get('order-service') ?? '';
    const services = watchServices(faultStack.stack, faultStack.output);
    // The relay's bound: PostgreSQL ends the frozen leader's idle session, a standby's next try takes the lock.
    const takeOverMs = outboxRelayDefaults.leaderTimeoutMs + outboxRelayDefaults.standbyIntervalMs;
    let orderServiceUrl = instances[0]?.url ?? '';
    try {
      const report = await runScenario({
        name: 'outbox relay leader frozen',
        faultStack,
        orderServiceUrl: () => orderServiceUrl,
        warmUpMs: seconds(3, 10),
        coolDownMs: seconds(3, 10),
        fault: async () => {
          const roles = await Promise.all(instances.map(relayRoleOf));
          const leader = instances[roles.indexOf('leader')];
          const standby = instances.find((instance) => instance !== leader);
          if (!leader || !standby) throw new Error(`expected one relay leader, the roles are ${roles.join(', ')}`);
          // The clients go on through the healthy instance: its orders wait in the shared outbox.
          orderServiceUrl = standby.url;
          await leader.pause();
          const frozenAt = new Date();
          try {
            await waitFor(
              async () => {
                const outbox = await outboxSince(orderDatabase, frozenAt);
                if ((await relayRoleOf(standby)) === 'leader' && outbox.written > 0 && outbox.unsent === 0) return true;
                throw new Error(`${outbox.unsent} of ${outbox.written} rows written since the freeze unsent`);
              },
              {
                description: `${standby.spec.label}'s relay to lead and publish the rows written since the freeze`,
                timeoutMs: takeOverMs + 5_000,
                intervalMs: 250,
              },
            );
            console.log(`outbox relay taken over ${Date.now() - frozenAt.getTime()} ms after the freeze`);
            // Some outcomes come back on partitions the frozen instance's consumer still holds
            // (until the group's session timeout); the others are final a few seconds after the takeover.
            await waitFor(async () => (await finalOrdersSince(orderDatabase, frozenAt)) > 0, {
              description: 'an order placed since the freeze to reach its outcome',
              timeoutMs: 10_000,
              intervalMs: 250,
            });
          } finally {
            await leader.resume();
          }
          await waitFor(async () => ['standby', 'leader'].includes((await relayRoleOf(leader)) ?? ''), {
            description: `the thawed ${leader.spec.label}'s relay to stand by (or lead)`,
            timeoutMs: 20_000,
            intervalMs: 250,
          });
        },
      });
      services.expectAllStillRunning();
      expectSound(report, { deadLettered: 0 });
      expect((await Promise.all(instances.map(relayRoleOf))).sort()).toEqual(['leader', 'standby']);
    } finally {
      await second.stop();
    }
  });
});
