import type { KafkaMessage } from 'kafkajs';
import type { ServiceLogger } from '../logging/service-logger.ts';
import type { KafkaMetrics } from '../metrics/kafka-metrics.ts';
import type { ConsumerRunnerSettings } from './consumer-runner-options.ts';
import type { ConsumerStatus, LastError } from './consumer-status.ts';

/** A record as kafkajs delivered it, with where it came from. */
export type RecordAt = { readonly topic: string; readonly partition: number; readonly message: KafkaMessage };

/** The counters of GET /status. */
export type RunnerCounts = {
  processed: number;
  duplicates: number;
  retried: number;
  deadLettered: number;
  rebalances: number;
};

/** What the runner's parts share: its settings, where they report, and whether it is stopping. */
export type RunnerContext = {
  readonly groupId: string;
  readonly logger: ServiceLogger;
  readonly metrics: KafkaMetrics | undefined;
  readonly settings: ConsumerRunnerSettings;
  readonly counts: RunnerCounts;
  lastError: LastError | undefined;
  state: ConsumerStatus['state'];
};

export const recordLabel = ({ topic, partition, message }: RecordAt) => `${topic}[${partition}]@${message.offset}`;
