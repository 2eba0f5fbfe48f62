import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import { LocalKafkaError } from './local-kafka-error.ts';

/** What a node process is doing now, as `ps` reports it. */
export type NodeProcessState = 'running' | 'paused' | 'stopped';

/**
 * The state of the process with this PID, but only if it is really our node: a PID can be
 * reused by another program after our broker died, and we must never signal a stranger.
 * `marker` is a string unique to the node's command line (its config file path).
 */
export function processState(pid: number | undefined, marker: string): NodeProcessState {
  if (!pid) return 'stopped';
  const ps = spawnSync('ps', ['-ww', '-p', String(pid), '-o', 'state=', '-o', 'command='], { encoding: 'utf8' });
  const line = ps.stdout.trim();
  if (ps.status !== 0 || !line.includes(marker)) return 'stopped';
  if (line.startsWith('Z')) return 'stopped'; // a zombie has exited; it only awaits reaping
  return line.startsWith('T') ? 'paused' : 'running';
}

/** Starts a JVM in the background, detached from this process, writing to logFile. */
export function spawnDetached(java: string, args: string[], logFile: string): number {
  const log = openSync(logFile, 'a');
  const child = spawn(java, args, { detached: true, stdio: ['ignore', log, log] });
  closeSync(log);
  child.unref();
  if (!child.pid) throw new Error(`Could not start ${java}`);
  return child.pid;
}

/** Runs a JVM to completion (e.g. the storage formatter) and fails loudly if it fails. */
export function runJava(java: string, args: string[], what: string): string {
  const result = spawnSync(java, args, { encoding: 'utf8' });
  if (result.status !== 0) {
    throw new LocalKafkaError(`${what} failed:\n${(result.stdout + result.stderr).trim()}`, 'See the output above.');
  }
  return result.stdout;
}

export async function waitForExit(pid: number, marker: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (processState(pid, marker) === 'stopped') return true;
    await delay(200);
  }
  return false;
}

/** Fails with a clear message when something else already listens on one of our ports. */
export async function assertPortFree(port: number, owner: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        new LocalKafkaError(
          `Port ${port} (${owner}) is in use${error.code === 'EADDRINUSE' ? '' : `: ${error.message}`}.`,
          'Another Kafka or a previous run may still be up: "npm run kafka:status" / "npm run kafka:down", ' +
            `or find the process with "lsof -i :${port}".`,
        ),
      );
    });
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

export function tailOfFile(file: string, lines = 25): string {
  if (!existsSync(file)) return '(no log file)';
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
