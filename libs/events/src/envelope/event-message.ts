/**
 * A message as a Kafka producer takes it, e.g. kafkajs `producer.send({ messages })`.
 * (Declared here by its shape, so the contracts do not depend on a Kafka client.)
 */
export type EventMessage = {
  readonly key: string;
  readonly value: Buffer | null;
  /** When the event happened, in epoch milliseconds, as a string (what kafkajs expects). */
  readonly timestamp: string;
  readonly headers: Readonly<Record<string, string>>;
};

/** A record as a Kafka consumer delivers it, e.g. kafkajs `eachMessage`'s `message`. */
export type ConsumedRecord = {
  readonly key: Buffer | string | null;
  readonly value: Buffer | null;
  readonly timestamp: string;
  readonly headers?: Readonly<Record<string, Buffer | string | readonly (Buffer | string)[] | undefined>>;
};

/** Everything the envelope says about an event, read back from a record. */
export type EventMetadata = {
  readonly key: string | null;
  readonly eventId: string;
  readonly eventType: string;
  readonly eventVersion: number;
  readonly contentType: string | null;
  readonly correlationId: string;
  readonly causationId: string;
  readonly source: string;
  /** When the event happened: the record timestamp. */
  readonly occurredAt: Date;
};

/** What the writer of an event says about it beyond its content. */
export type EventContext = {
  /** When it happened. Becomes the record timestamp. */
  readonly occurredAt: Date;
  /** The business flow it belongs to: a request id, or the correlation id of its cause. */
  readonly correlationId: string;
  /** The event or request that caused it. Defaults to `correlationId` (the flow's start). */
  readonly causationId?: string;
  /**
   * Set it when the id must be known before publishing (an outbox row keeps it, so a
   * re-sent row keeps its id and consumers can drop the duplicate). Default: a new UUIDv7.
   */
  readonly eventId?: string;
};
