/**
 * What the console keeps of a record: the envelope, not the value. The value's size is kept,
 * its bytes are not (an Avro value means nothing without its schema, and the page needs none).
 */
export type RecordSummary = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  /** From the `event-type` header; undefined for a record without one (e.g. a foreign writer). */
  readonly eventType: string | undefined;
  /** Bytes of the value; 0 for a tombstone. */
  readonly size: number;
  /** The record's timestamp (ms since the epoch): when the event happened, as its writer said. */
  readonly timestamp: number;
  readonly headers: Readonly<Record<string, string>>;
};
