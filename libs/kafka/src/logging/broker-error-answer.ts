import { createRequire } from 'node:module';

/** One of the error answers a broker can give, as kafkajs lists them (its protocol/error.js). */
type BrokerErrorCode = { readonly type: string; readonly code: number; readonly retriable: boolean; readonly message: string };

const require = createRequire(import.meta.url);
const { errorCodes } = require('kafkajs/src/protocol/error.js') as { errorCodes: readonly BrokerErrorCode[] };

// kafkajs logs a broker's error answer by its message only (`error` of "Response …"), so
// the answer is found again by that message.
const retriableMessages = new Set(errorCodes.filter((answer) => answer.retriable).map((answer) => answer.message));

/**
 * Whether a broker's error answer, as kafkajs logs it, is one Kafka calls retriable: a
 * passing state such as "the coordinator is loading" or "no leader yet", which kafkajs asks
 * again about. An unknown message is not.
 */
export function isRetriableBrokerAnswer(errorMessage: unknown): boolean {
  return typeof errorMessage === 'string' && retriableMessages.has(errorMessage);
}

// Error answers kafkajs itself takes as a result, not a failure: createTopics() resolves to
// false when the topic exists already. On a first start services provision the same topics
// at once, and the loser of that race got this answer (3 WARN lines in one measured start).
const answersKafkajsExpects = new Set(['Topic with this name already exists']);

/** Whether a broker's error answer, as kafkajs logs it, asks nothing of a reader: retriable, or taken as a result. */
export function isExpectedBrokerAnswer(errorMessage: unknown): boolean {
  return isRetriableBrokerAnswer(errorMessage) || (typeof errorMessage === 'string' && answersKafkajsExpects.has(errorMessage));
}
