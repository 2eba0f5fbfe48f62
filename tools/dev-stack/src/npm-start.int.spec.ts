import { setTimeout as delay } from 'node:timers/promises';
import { testCluster, testKafka } from '@orderflow/testing';
import { planFrom, running, startInTerminal as startOn } from './stack-in-terminal.ts';

const labels = planFrom(0).map((spec) => spec.label);

/** On the test run's Kafka cluster, with LOG_LEVEL=debug. */
const startInTerminal = async () => startOn((await testCluster()).brokers);

describe('npm start in a terminal', () => {
  afterEach(() => {
    for (const kill of running) kill();
    running.clear();
  });

  it('stops every service gracefully on one Ctrl-C: each shuts down completely and leaves its group', async () => {
    const stack = await startInTerminal();
    await stack.printed(/Orderflow is ready/);

    stack.ctrlC();
    const exitCode = await stack.exited;

    expect({ exitCode, output: stack.lines.join('\n') }).toMatchObject({ exitCode: 0 });
    for (const label of labels) {
      expect(stack.lines).toContainEqual(
        expect.stringMatching(new RegExp(`^${label} \\| \\S+ INFO  shutdown complete$`)),
      );
    }
    expect(stack.lines.filter((line) => line.includes('second signal'))).toEqual([]);
    // Left, not merely gone: a member that just vanished stays listed until its session times out.
    const admin = (await testKafka('npm-start-spec')).admin();
    await admin.connect();
    const { groups } = await admin
      .describeGroups(['inventory-service', 'notification-service'])
      .finally(() => admin.disconnect());
    // describeGroups answers in no particular order.
    const members = groups
      .map(({ groupId, members }) => [groupId, members.length])
      .sort(([a], [b]) => String(a).localeCompare(String(b)));
    expect(members).toEqual([
      ['inventory-service', 0],
      ['notification-service', 0],
    ]);
    stack.cleanUp();
  }, 240_000);

  it('passes LOG_LEVEL on (debug shows the probes) and listens on 127.0.0.1 only; a second Ctrl-C stops it at once', async () => {
    const stack = await startInTerminal();
    await stack.printed(/Orderflow is ready/);

    // The launcher polled every /ready until it answered 200: those lines are at debug.
    // (Waited for: a service's line can arrive through its pipe just after the banner.)
    for (const label of labels) {
      await stack.printed(new RegExp(`^${label} \\| \\S+ DEBUG GET /ready 200 \\d+ ms$`));
    }
    // 127.0.0.2 is this machine too (all of 127/8 is loopback), but not the address listened on.
    for (const { port } of stack.processes) {
      await expect(fetch(`http://127.0.0.1:${port}/health`).then((response) => response.status)).resolves.toBe(200);
      await expect(fetch(`http://127.0.0.2:${port}/health`)).rejects.toThrow();
    }

    // A service that does not finish stopping (frozen here, as by a long GC or a stuck call) is
    // what makes a person press Ctrl-C again. Without it the graceful stop may be over before
    // the second Ctrl-C comes, and there is nothing left to stop at once.
    const bannerLine = await stack.printed(/^\[orderflow\]\s+notification-service\S*\s+http\S+\s+\(pid \d+\)$/);
    const frozenPid = Number(/\(pid (\d+)\)/.exec(bannerLine)?.[1]);
    process.kill(frozenPid, 'SIGSTOP');
    stack.ctrlC();
    await stack.printed(/stopping gracefully/);
    // A person's second Ctrl-C comes a moment later; within a second it counts as the same one.
    await delay(1_100);
    expect(stack.lines).not.toContainEqual(expect.stringContaining('Stopped.'));
    stack.ctrlC();
    const exitCode = await stack.exited;

    expect(stack.lines).toContainEqual(expect.stringContaining('Stopping at once'));
    expect(exitCode).toBe(1);
    stack.cleanUp();
  }, 240_000);
});
