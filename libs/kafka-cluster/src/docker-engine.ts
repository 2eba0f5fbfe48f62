import { spawnSync } from 'node:child_process';

/**
 * The Docker client to use and whether an engine answers it. DOCKER names the client (e.g.
 * /usr/bin/docker); by default `docker` on PATH. An engine "answers" when `docker info` returns
 * its server version within a few seconds: a client without an engine fails fast.
 */
export function dockerClient(env: NodeJS.ProcessEnv = process.env): string {
  return env['DOCKER'] || 'docker';
}

export interface EngineCheck {
  readonly answers: boolean;
  /** The engine's version when it answers, else why not (one line). */
  readonly detail: string;
}

export function checkDockerEngine(docker: string = dockerClient()): EngineCheck {
  const result = spawnSync(docker, ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8', timeout: 10_000 });
  if (result.error) return { answers: false, detail: `no Docker client "${docker}" (${result.error.message})` };
  const version = result.stdout.trim();
  if (result.status === 0 && version) return { answers: true, detail: `Docker engine ${version}` };
  const why = result.stderr.trim().split('\n').at(-1) || `exit code ${result.status}`;
  return { answers: false, detail: `no Docker engine answers "${docker}": ${why}` };
}
