/**
 * `npm start`: the whole system on this machine, no Docker needed.
 *
 *   npm start                                   one process per service
 *   npm start -- --inventory=3                  three inventory-service instances in one group
 *   npm start -- --inventory=2 --notification=2
 *   npm start -- --base-port=4000               ports 4000-4002 instead of 3000-3002
 *
 * Starts the local 3-broker Kafka cluster (unless it runs already), an embedded PostgreSQL
 * with a database per service (data kept in .data/postgres/stack), then the services, each
 * as its own Node.js process. Their logs are shown with the process's name in front. Ctrl-C
 * stops everything this command started; a second Ctrl-C stops it at once.
 *
 * This file is only the terminal's side. A terminal sends Ctrl-C's SIGINT to every process of
 * its foreground process group, and every child process is in it unless told otherwise. The
 * services would get the SIGINT and then the launcher's SIGTERM: two signals, which a service
 * rightly reads as "stop at once"; PostgreSQL would shut down fast under their feet. So the
 * stack runs in a process group of its own (run-stack.ts, started detached), and this process
 * passes each Ctrl-C on as exactly one SIGINT.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const stack = spawn(process.execPath, [join(import.meta.dirname, 'run-stack.ts'), ...process.argv.slice(2)], {
  detached: true, // a new process group (and session): the terminal's signals stop at this process
  // The IPC channel closes when this process dies, however it dies: run-stack.ts then stops too.
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});

// One Ctrl-C can arrive as several signals: a wrapper (npm exec, nx) forwards the terminal's
// SIGINT to its child, which got the same SIGINT from the terminal. Signals within a second of
// the last one passed on are that same request; a person pressing again waits longer.
const burstMs = 1_000;
let lastPassedOn = -Infinity;
const passOn = () => {
  if (Date.now() - lastPassedOn < burstMs) return;
  lastPassedOn = Date.now();
  stack.kill('SIGINT');
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, passOn);

stack.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
stack.on('error', (error) => {
  console.error(`[orderflow] could not start the stack: ${error.message}`);
  process.exit(1);
});
