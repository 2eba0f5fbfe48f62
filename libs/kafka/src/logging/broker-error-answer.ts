import { createRequire } from 'node:module';

/** One of the error answers a broker can give, as kafkajs lists them (its protocol/error.js). */
type BrokerErrorCode = {
  readonly type: string;
  readonly code: number;
  readonly retriable: boolean;
  readonly message: string;
};

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

// Error answers kafkajs itself sorts out before the caller sees a failure. A CreateTopics
// answer with any topic error is logged as "Topic creation errors" (kafkajs's
// createTopics/v0/response.js), the topics' own errors are not logged; createTopics() then
// resolves to false if each is "already exists", and throws otherwise, so provisioning
// reports a real failure itself. On a first start services provision the same topics at once
// and the loser of that race got this answer: 1 to 3 WARN lines per measured start.
const answersKafkajsSortsOut = new Set(['Topic creation errors']);

/** Whether a broker's error answer, as kafkajs logs it, asks nothing of a reader: retriable, or sorted out by kafkajs. */
export function isExpectedBrokerAnswer(errorMessage: unknown): boolean {
  return (
    isRetriableBrokerAnswer(errorMessage) ||
    (typeof errorMessage === 'string' && answersKafkajsSortsOut.has(errorMessage))
  );
}
