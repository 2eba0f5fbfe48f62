import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { findFreePort } from '@orderflow/service';
import { waitFor } from '@orderflow/testing';
import { assertPortsFree } from './ports.ts';
import { planStack, portsFrom } from './stack-plan.ts';

// For the specs that run `npm start` (*.int.spec.ts here): the stack as a terminal runs it.

/** What plain `npm start` runs: one process per service and the console, the standard layout moved to `basePort`. */
export const planFrom = (basePort: number) =>
  planStack({ inventory: 1, notification: 1, console: true }, portsFrom(basePort));

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

/** Kills whatever a test's stack left running (its whole process group): call it after each test. */
export const running = new Set<() => void>();

/**
 * `npm start` as a person runs it in a terminal: cli.ts as the job in the terminal's
 * foreground, that is a process group of its own, to which the terminal sends Ctrl-C's SIGINT.
 * On the cluster of `brokers` (KAFKA_BROKERS: neither started nor stopped), its own data
 * folder and free ports, with `LOG_LEVEL`.
 */
export async function startInTerminal(brokers: readonly string[], logLevel = 'debug') {
  const basePort = await freeBasePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'orderflow-npm-start-'));
  chmodSync(dataDir, 0o755); // as root, PostgreSQL runs as the `postgres` user, who must get in
  const launcher = spawn(
    process.execPath,
    [join(import.meta.dirname, 'cli.ts'), `--base-port=${basePort}`, `--data-dir=${dataDir}`],
    {
      detached: true,
      env: { ...process.env, KAFKA_BROKERS: brokers.join(','), LOG_LEVEL: logLevel },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  for (const stream of [launcher.stdout, launcher.stderr])
    createInterface({ input: stream }).on('line', (line) => lines.push(line));
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  // A failed test must not leave the stack running: its processes would keep jest from exiting.
  running.add(() => {
    if (launcher.exitCode === null) process.kill(-(launcher.pid ?? 0), 'SIGKILL');
  });
  const failure = (what: string) => new Error(`${what}; the stack printed:\n${lines.join('\n')}`);
  /** The first line matching `pattern`; fails at once if the launcher exits without printing one. */
  const printed = (pattern: RegExp) =>
    Promise.race([
      waitFor(() => lines.find((line) => pattern.test(line)), {
        description: `a line like ${pattern}`,
        timeoutMs: 120_000,
      }).catch((error: Error) => Promise.reject(failure(error.message))),
      exited.then(
        () =>
          lines.find((line) => pattern.test(line)) ??
          Promise.reject(failure(`the launcher exited before a line like ${pattern}`)),
      ),
    ]);
  return {
    lines,
    exited,
    printed,
    processes: planFrom(basePort),
    ctrlC: () => process.kill(-(launcher.pid ?? 0), 'SIGINT'),
    cleanUp: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
