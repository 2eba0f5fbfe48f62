/**
 * Whether a consumer crashed on a state of the cluster that passes by itself: kafkajs's own
 * rule for restarting a crashed consumer (its consumer/index.js), that is, it ran out of
 * retries, or the error, or the one it wraps, is retriable. On a first start of a fresh
 * cluster a group's coordinator answers "loading" or "not the correct coordinator" until it
 * has read its part of __consumer_offsets: order-service's and notification-service's first
 * members each crashed once on that (measured on a loaded 2-core machine), and their next
 * member joined.
 */
export function crashedOnPassingState(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'KafkaJSNumberOfRetriesExceeded') return true;
  let cause: unknown = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return typeof cause === 'object' && cause !== null && 'retriable' in cause && cause.retriable === true;
}

/** How many crashes in a row on a passing state are told at INFO; the next ones are errors. */
export const passingCrashesToldAsInfo = 2;
