import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as delay } from 'node:timers/promises';
import { REPO_ROOT } from '@orderflow/kafka-cluster';
import { formatLogLine } from './format-log-line.ts';
import { serviceEnvironment } from './service-environment.ts';
import type { ServiceProcessSpec } from './stack-plan.ts';

export type ServiceProcess = {
  readonly spec: ServiceProcessSpec;
  readonly url: string;
  readonly pid: number;
  /** Resolves when the process has exited, with a description of how. */
  readonly exited: Promise<string>;
  /** SIGTERM (a graceful shutdown), SIGKILL if it is not gone after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /**
   * During a stop, a second SIGTERM: the service's own rule ("a second signal means now") ends
   * it at once. SIGKILL if it is still there after `graceMs` (a process too busy to react).
   */
  hurry(graceMs?: number): Promise<void>;
  /** Not exited yet. */
  running(): boolean;
  /** SIGKILL: the process dies at once, mid-request, mid-transaction (a crash). */
  kill(): Promise<void>;
  /**
   * SIGSTOP: the process freezes where it is (a VM pause, a long GC). It keeps its sockets and
   * what it holds (locks, a transaction, its group membership) and answers nothing until resume().
   */
  pause(): Promise<void>;
  /** SIGCONT: a paused process goes on from where it stopped. */
  resume(): Promise<void>;
};

/**
 * Runs one service as its own Node.js process, exactly as `node apps/<app>/src/main.ts` would
 * (TypeScript by type stripping), with its config in the environment. Every line it prints
 * goes to `output`, made readable and labelled with the process's name.
 */
export function startServiceProcess(
  spec: ServiceProcessSpec,
  environment: Record<string, string>,
  output: (line: string) => void,
): ServiceProcess {
  const child: ChildProcess = spawn(process.execPath, [join(REPO_ROOT, 'apps', spec.app, 'src', 'main.ts')], {
    cwd: REPO_ROOT,
    env: serviceEnvironment(process.env, { ...environment, PORT: String(spec.port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    if (stream) createInterface({ input: stream }).on('line', (line) => output(formatLogLine(spec.label, line)));
  }
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => resolve(signal ? `was stopped by ${signal}` : `exited with code ${code}`));
    child.once('error', (error) => resolve(`could not start: ${error.message}`));
  });
  let paused = false;
  const signalThenKill = async (graceMs: number) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    // A stopped process cannot act on SIGTERM: let it go on, so it shuts down gracefully.
    if (paused) child.kill('SIGCONT');
    const killer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await exited;
    clearTimeout(killer);
  };
  return {
    spec,
    url: `http://127.0.0.1:${spec.port}`,
    pid: child.pid ?? 0,
    exited,
    stop: (graceMs = 15_000) => signalThenKill(graceMs),
    hurry: (graceMs = 2_000) => signalThenKill(graceMs),
    running: () => child.exitCode === null && child.signalCode === null,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGKILL');
      await exited;
    },
    async pause() {
      if (child.exitCode !== null || child.signalCode !== null || paused) return;
      child.kill('SIGSTOP');
      paused = true;
    },
    async resume() {
      if (child.exitCode !== null || child.signalCode !== null || !paused) return;
      child.kill('SIGCONT');
      paused = false;
    },
  };
}

/** Waits until the service's /ready answers 200 (Kafka and its database reachable). */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitedHow: string | undefined;
  void service.exited.then((how) => (exitedHow = how));
  while (Date.now() < deadline) {
    if (exitedHow)
      throw new Error(`${service.spec.label} ${exitedHow} before it was ready; its log lines above say why`);
    const ready = await fetch(`${service.url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await delay(250);
  }
  throw new Error(`${service.spec.label} was not ready at ${service.url}/ready within ${timeoutMs / 1000} s`);
}
