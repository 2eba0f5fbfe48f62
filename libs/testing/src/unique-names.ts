import { randomBytes } from 'node:crypto';

/**
 * All suites share one cluster, and a topic or consumer group outlives the test that made it,
 * so every test gets names nobody else uses: `<prefix>-<time>-<random>`.
 */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

export const uniqueTopicName = (prefix = 'test-topic'): string => uniqueName(prefix);

export const uniqueGroupId = (prefix = 'test-group'): string => uniqueName(prefix);

// The `-<time>-<random>` part of a unique name; a dead-letter topic carries its topic's or group's.
const uniquePart = /-([0-9a-z]{8,9})-[0-9a-f]{6}(?![0-9a-z])/;

/** Whether `name` holds a unique name made at or after `since` (ms): what one test file made. */
export function madeSince(name: string, since: number): boolean {
  const time = uniquePart.exec(name)?.[1];
  return time !== undefined && Number.parseInt(time, 36) >= since;
}
