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
