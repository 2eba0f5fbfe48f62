/**
 * The broker's error name behind a kafkajs error (`MESSAGE_TOO_LARGE`,
 * `TOPIC_AUTHORIZATION_FAILED`, …): the error's own `type`, or, where kafkajs wrapped it (a
 * non-retriable or a retries-exceeded error), its cause's. Undefined if there is none.
 */
export function kafkaErrorType(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if ('type' in error && typeof error.type === 'string') return error.type;
  return 'cause' in error ? kafkaErrorType(error.cause) : undefined;
}
