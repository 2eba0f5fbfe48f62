import type { RetentionRule } from '@orderflow/service';

/**
 * Sent outbox rows are kept one day, then deleted. Once sent, a row's event is in Kafka for the
 * topic's retention, and the relay never reads a sent row again; the day is for looking at what
 * left recently (`SELECT … FROM kafka_outbox ORDER BY id DESC`). Unsent rows are never deleted.
 */
export const sentOutboxRetention: RetentionRule = {
  name: 'sent outbox rows',
  table: 'kafka_outbox',
  timestampColumn: 'sent_at',
  keepMs: 24 * 60 * 60 * 1000,
};
