// The public API of @orderflow/kafka: how services talk to Kafka. Other projects import
// only what this file exports.

// Client: one kafkajs client per service, logging through the service logger.
export {
  createKafkaClient,
  defaultRetry,
  kafkaClientTimeouts,
  type KafkaClientOptions,
  type KafkaLogin,
} from './client/kafka-client.ts';
export { connectToKafka, kafkaReadinessCheck, type ConnectToKafkaOptions } from './client/connect-to-kafka.ts';
export { serviceLevelFor, type ServiceLogLevel } from './logging/kafka-log-creator.ts';
export { kafkaMetricsFor, type KafkaMetrics } from './metrics/kafka-metrics.ts';

// Provisioning: the catalogue's topics, created or verified.
export {
  provisionTopics,
  type ProvisionTopicsOptions,
  type ProvisioningReport,
} from './provisioning/provision-topics.ts';
export type { ConfigDrift, ExistingTopic, TopicPlan } from './provisioning/topic-plan.ts';
export { KafkaLoginRefusedError } from './errors/kafka-login-refused-error.ts';
export { kafkaErrorType } from './errors/kafka-error-type.ts';

// Producing: idempotent, acks=all; services publish through the outbox.
export {
  createEventProducer,
  type EventProducer,
  type EventProducerOptions,
  type PublishedRecord,
  type TopicMessages,
} from './producer/event-producer.ts';
export {
  appendToOutbox,
  outboxChannel,
  outboxInsert,
  outboxOf,
  type AppendedRow,
  type Outbox,
  type OutboxEntry,
  type OutboxInsert,
} from './outbox/append-to-outbox.ts';
export {
  createOutboxRelay,
  outboxRelayDefaults,
  type OutboxRelay,
  type OutboxRelayOptions,
  type OutboxRelayStatus,
} from './outbox/outbox-relay.ts';
export { sentOutboxRetention } from './outbox/outbox-retention.ts';

// Consuming: decode at the edge, retry, dead-letter, commit after the inbox transaction.
export { createConsumerRunner, type ConsumerRunner } from './consumer/consumer-runner.ts';
export { databaseProbe, type DependencyProbe } from './consumer/timeout-diagnosis.ts';
export {
  consumerRunnerDefaults,
  type ConsumerRunnerOptions,
  type ConsumerRunnerSettings,
} from './consumer/consumer-runner-options.ts';
export type {
  BatchHandler,
  BatchItem,
  EventHandler,
  EventOf,
  HandlerContext,
  HandlerOutcome,
} from './consumer/consumer-types.ts';
export type { ConsumerStatus, LastError, StuckPartition } from './consumer/consumer-status.ts';
export type { RecordPosition, RunnerEventEmitter, RunnerEventName, RunnerEvents } from './consumer/runner-events.ts';
export type { Assignment } from './consumer/assignment-line.ts';
export { defaultRetryPolicy, type RetryPolicy } from './consumer/retry-policy.ts';
export type { Backoff } from './retry/backoff-delay.ts';
export { withSetBasedInbox } from './inbox/batch-inbox.ts';

// Database: the outbox and inbox tables.
export { migrateKafkaTables } from './database/kafka-migrations.ts';

// A service's start and stop, in the one order all services share.
export {
  createServiceLifecycle,
  type ServiceLifecycle,
  type ServiceLifecycleOptions,
} from './service/service-lifecycle.ts';
