import { spawn, type ChildProcess } from 'node:child_process';
import { dockerClient } from '@orderflow/kafka-cluster';

/** One container event of a compose project: which service, what happened, when. */
export interface ContainerEvent {
  readonly service: string;
  /** `start`, `die`, `health_status: healthy`, ... */
  readonly status: string;
  readonly exitCode?: number;
  readonly timeNano: number;
}

/**
 * Records `docker events` for one compose project from now on: the start order of the stack
 * as the engine saw it (started, healthy, exited), to check against the documented order.
 */
export function recordComposeEvents(project: string): { events: ContainerEvent[]; stop(): void } {
  const events: ContainerEvent[] = [];
  const child: ChildProcess = spawn(
    dockerClient(),
    [
      'events',
      '--filter',
      `label=com.docker.compose.project=${project}`,
      '--filter',
      'type=container',
      '--format',
      '{{json .}}',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let pending = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines.filter(Boolean)) {
      const event = JSON.parse(line) as {
        status?: string;
        timeNano: number;
        Actor: { Attributes: Record<string, string> };
      };
      const attributes = event.Actor.Attributes;
      events.push({
        service: attributes['com.docker.compose.service'] ?? '',
        status: event.status ?? '',
        ...(attributes['exitCode'] === undefined ? {} : { exitCode: Number(attributes['exitCode']) }),
        timeNano: event.timeNano,
      });
    }
  });
  return { events, stop: () => child.kill() };
}

/** When a service first reached a status (ns since the epoch), or undefined. */
export function firstTime(events: readonly ContainerEvent[], service: string, status: string): number | undefined {
  return events.find((event) => event.service === service && event.status === status)?.timeNano;
}
