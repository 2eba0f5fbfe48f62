import type { IHeaders } from 'kafkajs';

/** The headers a dead-letter record carries besides the original's: why it is there. */
export const deadLetterHeaderNames = {
  originalTopic: 'dlt-original-topic',
  originalPartition: 'dlt-original-partition',
  originalOffset: 'dlt-original-offset',
  consumerGroup: 'dlt-consumer-group',
  errorCode: 'dlt-error-code',
  errorMessage: 'dlt-error-message',
  /** Handler attempts made; 0 when the record could not even be decoded. */
  attempts: 'dlt-attempts',
  failedAt: 'dlt-failed-at',
} as const;

export type FailedRecord = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: string;
  readonly headers: IHeaders | undefined;
};

export type Failure = {
  readonly consumerGroup: string;
  readonly code: string;
  readonly message: string;
  readonly attempts: number;
  readonly failedAt: Date;
};

// A header is no place for a stack trace: keep the reason readable and the record small.
const maxErrorMessageLength = 1_000;

/**
 * The dead-letter copy of a record: key, value, timestamp and headers unchanged (so it can
 * be replayed as it was), plus headers saying where it came from and why it failed.
 */
export function deadLetterMessage(record: FailedRecord, failure: Failure) {
  const reason: Record<string, string> = {
    [deadLetterHeaderNames.originalTopic]: record.topic,
    [deadLetterHeaderNames.originalPartition]: String(record.partition),
    [deadLetterHeaderNames.originalOffset]: record.offset,
    [deadLetterHeaderNames.consumerGroup]: failure.consumerGroup,
    [deadLetterHeaderNames.errorCode]: failure.code,
    [deadLetterHeaderNames.errorMessage]: failure.message.slice(0, maxErrorMessageLength),
    [deadLetterHeaderNames.attempts]: String(failure.attempts),
    [deadLetterHeaderNames.failedAt]: failure.failedAt.toISOString(),
  };
  return {
    key: record.key,
    value: record.value,
    timestamp: record.timestamp,
    headers: { ...record.headers, ...reason },
  };
}
