import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort } from '@orderflow/service';
import { testCluster, testKafka, waitFor } from '@orderflow/testing';
import { assertPortsFree } from './ports.ts';
import { planStack, portsFrom } from './stack-plan.ts';

/** What plain `npm start` runs: one process per service and the console, the standard layout moved to `basePort`. */
const planFrom = (basePort: number) => planStack({ inventory: 1, notification: 1, console: true }, portsFrom(basePort));
const labels = planFrom(0).map((spec) => spec.label);

/** A base port whose whole layout is free, so the stack can start off the dev ports. */
async function freeBasePort(): Promise<number> {
  return waitFor(
    async () => {
      const base = await findFreePort();
      return assertPortsFree(planFrom(base)).then(
        () => base,
        () => undefined,
      );
    },
    { description: 'a free base port for the stack' },
  );
}

/**
 * `npm start` as a person runs it in a terminal: cli.ts as the job in the terminal's
 * foreground, that is a process group of its own, to which the terminal sends Ctrl-C's SIGINT.
 * On the test run's Kafka cluster (KAFKA_BROKERS: neither started nor stopped), its own data
 * folder and free ports, with LOG_LEVEL=debug.
 */
async function startInTerminal() {
  const { brokers } = await testCluster();
  const basePort = await freeBasePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'orderflow-npm-start-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must get in
  const launcher = spawn(process.execPath, [join(import.meta.dirname, 'cli.ts'), `--base-port=${basePort}`, `--data-dir=${dataDir}`], {
    detached: true,
    env: { ...process.env, KAFKA_BROKERS: brokers.join(','), LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [launcher.stdout, launcher.stderr]) createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  // A failed test must not leave the stack running: its processes would keep jest from exiting.
  running.add(() => {
    if (launcher.exitCode === null) process.kill(-(launcher.pid ?? 0), 'SIGKILL');
  });
  const failure = (what: string) => new Error(`${what}; the stack printed:\n${lines.join('\n')}`);
  /** The first line matching `pattern`; fails at once if the launcher exits without printing one. */
  const printed = (pattern: RegExp) =>
    Promise.race([
      waitFor(() => lines.find((line) => pattern.test(line)), { description: `a line like ${pattern}`, timeoutMs: 120_000 }).catch(
        (error: Error) => Promise.reject(failure(error.message)),
      ),
      exited.then(() => lines.find((line) => pattern.test(line)) ?? Promise.reject(failure(`the launcher exited before a line like ${pattern}`))),
    ]);
  return {
    lines,
    exited,
    printed,
    ports: planFrom(basePort).map((spec) => spec.port),
    ctrlC: () => process.kill(-(launcher.pid ?? 0), 'SIGINT'),
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

/** Kills whatever a test's stack left running (its whole process group). */
const running = new Set<() => void>();

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
      expect(stack.lines).toContainEqual(expect.stringMatching(new RegExp(`^${label} \\| \\S+ INFO  shutdown complete$`)));
    }
    expect(stack.lines.filter((line) => line.includes('second signal'))).toEqual([]);
    // Left, not merely gone: a member that just vanished stays listed until its session times out.
    const admin = (await testKafka('npm-start-spec')).admin();
    await admin.connect();
    const { groups } = await admin.describeGroups(['inventory-service', 'notification-service']).finally(() => admin.disconnect());
    // describeGroups answers in no particular order.
    const members = groups.map(({ groupId, members }) => [groupId, members.length]).sort(([a], [b]) => String(a).localeCompare(String(b)));
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
    for (const port of stack.ports) {
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
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect(stack.lines).not.toContainEqual(expect.stringContaining('Stopped.'));
    stack.ctrlC();
    const exitCode = await stack.exited;

    expect(stack.lines).toContainEqual(expect.stringContaining('Stopping at once'));
    expect(exitCode).toBe(1);
    stack.cleanUp();
  }, 240_000);
});
