import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { OutboxRelayStatus } from '../outbox-relay.ts';

/**
 * An outbox relay in a Node.js process of its own, so a test can freeze it for real (SIGSTOP):
 * its timers stop, its sockets stay open and PostgreSQL sees a session that is merely idle,
 * as with a paused VM. The process is relay-process-main.ts; it answers 'status' over IPC.
 */
export type RelayProcess = {
  status(): Promise<OutboxRelayStatus>;
  freeze(): void;
  thaw(): void;
  stop(): Promise<void>;
};

export function startRelayProcess(options: { databaseUrl: string; leaderTimeoutMs: number }): RelayProcess {
  const child: ChildProcess = fork(fileURLToPath(new URL('./relay-process-main.ts', import.meta.url)), {
    // Not jest's flags (--experimental-vm-modules): a plain node, as the services run.
    execArgv: [],
    env: {
      ...process.env,
      RELAY_DATABASE_URL: options.databaseUrl,
      RELAY_LEADER_TIMEOUT_MS: String(options.leaderTimeoutMs),
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    status: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the relay process did not answer within 1 s')), 1_000);
        child.once('message', (status) => {
          clearTimeout(timer);
          resolve(status as OutboxRelayStatus);
        });
        child.send('status');
      }),
    freeze: () => child.kill('SIGSTOP'),
    thaw: () => child.kill('SIGCONT'),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGCONT');
      child.send('stop');
      const stopped = await Promise.race([
        exited.then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000).unref()),
      ]);
      if (!stopped) child.kill('SIGKILL');
      await exited;
    },
  };
}
