// The public API of @orderflow/kafka: how services talk to Kafka. Other projects import
// only what this file exports.

// Client: one kafkajs client per service, logging through the service logger.
export { createKafkaClient, defaultRetry, type KafkaClientOptions } from './client/kafka-client.ts';
export { connectToKafka, kafkaReadinessCheck, type ConnectToKafkaOptions } from './client/connect-to-kafka.ts';
export { kafkaLogCreator, serviceLevelFor, type ServiceLogLevel } from './logging/kafka-log-creator.ts';
export { silentLogger, type LogMethod, type ServiceLogger } from './logging/service-logger.ts';
export type { KafkaMetrics } from './metrics/kafka-metrics.ts';

// Provisioning: the catalogue's topics, created or verified.
export { provisionTopics, type ProvisionTopicsOptions, type ProvisioningReport } from './provisioning/provision-topics.ts';
export { planTopic, type ConfigDrift, type ExistingTopic, type TopicPlan } from './provisioning/topic-plan.ts';
export { TopicProvisioningError } from './errors/topic-provisioning-error.ts';

// Producing: idempotent, acks=all; services publish through the outbox.
export {
  createEventProducer,
  type EventProducer,
  type EventProducerOptions,
  type PublishedRecord,
  type TopicMessages,
} from './producer/event-producer.ts';
export { appendToOutbox, outboxChannel } from './outbox/append-to-outbox.ts';
export { createOutboxRelay, type OutboxRelay, type OutboxRelayOptions, type OutboxRelayStatus } from './outbox/outbox-relay.ts';

// Consuming: decode at the edge, retry, dead-letter, commit after the inbox transaction.
export {
  createConsumerRunner,
  type ConsumerRunner,
  type ConsumerRunnerOptions,
  type EventHandler,
  type EventOf,
  type HandlerContext,
  type HandlerOutcome,
} from './consumer/consumer-runner.ts';
export type { ConsumerStatus, LastError } from './consumer/consumer-status.ts';
export { describeAssignment, type Assignment } from './consumer/assignment-line.ts';
export { deadLetterHeaderNames, deadLetterMessage, type Failure, type FailedRecord } from './consumer/dead-letter-message.ts';
export { defaultRetryPolicy, errorCode, errorMessage, isRetriable, retryDelayMs, type RetryPolicy } from './consumer/retry-policy.ts';
export { HandlerTimeoutError } from './errors/handler-timeout-error.ts';
export { isDependencyUnavailable } from './errors/dependency-unavailable.ts';
export { withInbox, type TransactionalHandler } from './inbox/with-inbox.ts';

// Database: the outbox and inbox tables.
export { kafkaMigrationsDirectory, migrateKafkaTables } from './database/kafka-migrations.ts';

// A service's start and stop, in the one order all services share.
export { createServiceLifecycle, type ServiceLifecycle, type ServiceLifecycleOptions } from './service/service-lifecycle.ts';
