import type { ConsumerRunner } from '../consumer/consumer-runner.ts';
import type { ConsumerStatus } from '../consumer/consumer-status.ts';
import { runnerEventNames } from '../consumer/runner-events.ts';

/**
 * Resolves once the runner's status satisfies `holds`: checked at once, then after every event
 * the runner emits (its status changes only through them), so a test waits for what happened
 * instead of polling. Fails after `timeoutMs`, showing the last status.
 */
export function statusReached(
  runner: ConsumerRunner,
  holds: (status: ConsumerStatus) => boolean,
  { description, timeoutMs = 30_000 }: { description: string; timeoutMs?: number },
): Promise<ConsumerStatus> {
  return new Promise((resolve, reject) => {
    const check = () => {
      if (!holds(runner.status())) return;
      done();
      resolve(runner.status());
    };
    const timer = setTimeout(() => {
      done();
      reject(
        new Error(
          `Timed out after ${timeoutMs} ms waiting for ${description}; status: ${JSON.stringify(runner.status())}`,
        ),
      );
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      for (const name of runnerEventNames) runner.events.off(name, check);
    };
    for (const name of runnerEventNames) runner.events.on(name, check);
    check();
  });
}
