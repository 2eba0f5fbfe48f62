import type { EventDefinition } from '../catalogue/event-definition.ts';

/** What a codec is told about the event it writes. */
export type EncodeTarget = {
  readonly eventType: string;
  readonly definition: EventDefinition;
};

/** What a codec is told about the record it reads. */
export type DecodeSource = EncodeTarget & {
  /** The version the writer declared (`event-version` header). */
  readonly writerVersion: number;
  /** The record key, as text: a tombstone's only content. */
  readonly key: string | null;
};

/** A codec reports failure as a reason; the envelope turns it into an EventDecodeError. */
export type CodecResult = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Turns an event into the bytes of a Kafka record value and back. Kafka itself only
 * stores bytes (or null); the codec, chosen per topic, decides what the bytes mean.
 * Codecs only translate: the envelope validates the result against the event's schema.
 */
export type ValueCodec = {
  readonly name: string;
  /** The `content-type` header value; null when there is no content (tombstones). */
  readonly contentType: string | null;
  encode(event: unknown, target: EncodeTarget): Buffer | null;
  decode(value: Buffer | null, source: DecodeSource): CodecResult;
};
