import { setTimeout as delay } from 'node:timers/promises';

export interface WaitForOptions {
  /** What is awaited, for the error message: "the consumer to be assigned 6 partitions". */
  readonly description: string;
  readonly timeoutMs?: number;
  readonly intervalMs?: number;
}

/**
 * Polls `probe` until it returns a value that is not `undefined`, `null` or `false`, and
 * returns that value. Tests wait on a condition, never on a fixed sleep: a sleep is either too
 * short (flaky) or too long (slow). The last error `probe` threw is part of the timeout message.
 */
export async function waitFor<T>(
  probe: () => T | Promise<T>,
  { description, timeoutMs = 30_000, intervalMs = 100 }: WaitForOptions,
): Promise<Exclude<T, undefined | null | false>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== null && value !== false) {
        return value as Exclude<T, undefined | null | false>;
      }
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${description}${cause}`);
    }
    await delay(intervalMs);
  }
}
