import { spawn, spawnSync } from 'node:child_process';
import { dockerClient, REPO_ROOT } from '@orderflow/kafka-cluster';

/**
 * docker-compose.yml, run as a project of its own (`-p`), so a test never touches a stack a
 * person has up. Uses `docker compose` (v2) where that plugin is there, else `docker-compose`
 * (v1, e.g. Debian's 1.29): the file works with both.
 */
export interface ComposeProject {
  readonly name: string;
  /** Runs `compose <args>` and returns stdout; throws with the output when it fails. */
  run(args: string[], options?: { timeoutMs?: number }): Promise<string>;
  /** The container id of one service's instance (1-based). */
  containerOf(service: string, index?: number): Promise<string>;
  /** The host port published for a container port of one instance. */
  hostPort(service: string, containerPort: number, index?: number): Promise<number>;
}

export function composeCommand(): string[] {
  const v2 = spawnSync(dockerClient(), ['compose', 'version'], { encoding: 'utf8' });
  return v2.status === 0 ? [dockerClient(), 'compose'] : ['docker-compose'];
}

/**
 * `files`: the compose files, merged in this order; e.g. docker-compose.yml and then the
 * docker-compose.secure.yml override (secure-compose.ts).
 */
export function composeProject(
  name: string,
  env: Record<string, string>,
  files: readonly string[] = ['docker-compose.yml'],
): ComposeProject {
  const [command = 'docker-compose', ...prefix] = composeCommand();
  const fileArgs = files.flatMap((file) => ['-f', file]);
  const run = (args: string[], { timeoutMs = 600_000 } = {}): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = spawn(command, [...prefix, '-p', name, ...fileArgs, ...args], {
        cwd: REPO_ROOT,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code === 0) resolve(stdout);
        else
          reject(
            new Error(
              `compose ${args.join(' ')} exited with ${code}:\n${(stdout + stderr).trim().split('\n').slice(-30).join('\n')}`,
            ),
          );
      });
    });
  return {
    name,
    run,
    async containerOf(service, index = 1) {
      const ids = (await run(['ps', '-q', service])).trim().split('\n').filter(Boolean);
      const byNumber = await Promise.all(
        ids.map(async (id) => ({
          id,
          number: Number(inspect(id, '{{index .Config.Labels "com.docker.compose.container-number"}}')),
        })),
      );
      const match = byNumber.find((container) => container.number === index);
      if (!match) throw new Error(`No instance ${index} of ${service} in project ${name}`);
      return match.id;
    },
    async hostPort(service, containerPort, index = 1) {
      const answer = (await run(['port', '--index', String(index), service, String(containerPort)])).trim();
      const port = publishedHostPort(answer);
      if (port === undefined) throw new Error(`No host port for ${service}:${containerPort} (got "${answer}")`);
      return port;
    },
  };
}

/**
 * The host port in what `compose port SERVICE PORT` prints: the binding's address, then the port.
 * The file binds loopback by default, so that is `127.0.0.1:49153` now; `0.0.0.0:49153` with
 * BIND_ADDRESS=0.0.0.0, and `:::49153` or `[::1]:49153` for IPv6. Only the port is wanted:
 * the tests reach it on 127.0.0.1. Undefined when there is none (compose v1 prints `None`).
 */
export function publishedHostPort(answer: string): number | undefined {
  const [firstLine = ''] = answer.trim().split('\n');
  const port = Number(/:(\d+)$/.exec(firstLine.trim())?.[1]);
  return port > 0 && port <= 65_535 ? port : undefined;
}

/** `docker inspect --format`, for one container. */
export function inspect(container: string, format: string): string {
  const result = spawnSync(dockerClient(), ['inspect', '--format', format, container], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`docker inspect ${container}: ${result.stderr.trim()}`);
  return result.stdout.trim();
}
