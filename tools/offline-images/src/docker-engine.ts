import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
// The engine check lives in @orderflow/kafka-cluster: libs/testing's Docker suites use it too.
import { dockerClient } from '@orderflow/kafka-cluster';

/** Runs a docker command and returns its stdout; throws with its output when it fails. */
export function docker(args: string[], options: { input?: string } = {}): string {
  const result: SpawnSyncReturns<string> = spawnSync(dockerClient(), args, {
    encoding: 'utf8',
    input: options.input,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new Error(`docker ${args.join(' ')} failed:\n${output || result.error?.message}`);
  }
  return result.stdout;
}

/** Like docker(), for the long commands (builds): output streams to this terminal. */
export function dockerStreaming(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(dockerClient(), args, { stdio: ['ignore', 'inherit', 'inherit'], env });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`docker ${args.join(' ')} exited with ${code}`)),
    );
  });
}

/** The value of one label of a local image, or undefined when the image is not there. */
export function imageLabel(image: string, label: string): string | undefined {
  const result = spawnSync(
    dockerClient(),
    ['image', 'inspect', '--format', `{{index .Config.Labels "${label}"}}`, image],
    {
      encoding: 'utf8',
    },
  );
  return result.status === 0 ? result.stdout.trim() : undefined;
}
