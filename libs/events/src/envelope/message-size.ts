import type { TopicSettings } from '../catalogue/topic-definition.ts';
import { EventTooLargeError } from '../errors/event-too-large-error.ts';
import type { EventMessage } from './event-message.ts';

/** The bytes a message brings to the broker: key, value and headers, without any framing. */
export function encodedSize(message: EventMessage): number {
  const headerBytes = Object.entries(message.headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0,
  );
  return Buffer.byteLength(message.key) + (message.value?.length ?? 0) + headerBytes;
}

/**
 * Kafka's record batch header (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`): base offset 8,
 * length 4, leader epoch 4, magic 1, CRC 4, attributes 2, last offset delta 4, first and max
 * timestamps 8 + 8, producer id 8, producer epoch 2, base sequence 4, record count 4.
 */
const recordBatchHeaderBytes = 61;

/**
 * The size of the record batch that carries this message alone, counted as the broker counts
 * it when it checks `max.message.bytes` (the batch's `sizeInBytes()`, header included): Kafka's
 * `DefaultRecord.sizeInBytes()` for the one record, uncompressed (our producer does not
 * compress), with offset and timestamp deltas 0. A record is its body's length as a varint,
 * then the body: attributes (1 byte), timestamp delta and offset delta (varints), the key and
 * the value (each a varint length and the bytes; a null value is the length -1 alone), the
 * header count (varint) and each header's name and value (varint length and bytes).
 */
export function recordBatchSize(message: EventMessage): number {
  const withLength = (bytes: number) => varintSize(bytes) + bytes;
  const headers = Object.entries(message.headers);
  const body =
    1 +
    varintSize(0) +
    varintSize(0) +
    withLength(Buffer.byteLength(message.key)) +
    (message.value === null ? varintSize(-1) : withLength(message.value.length)) +
    varintSize(headers.length) +
    headers.reduce(
      (sum, [name, value]) => sum + withLength(Buffer.byteLength(name)) + withLength(Buffer.byteLength(value)),
      0,
    );
  return recordBatchHeaderBytes + varintSize(body) + body;
}

/** Bytes of a varint as Kafka writes one (`ByteUtils.sizeOfVarint`): zigzag-encoded, 7 bits a byte. */
function varintSize(value: number): number {
  let zigzag = value >= 0 ? value * 2 : -value * 2 - 1;
  let bytes = 1;
  while (zigzag >= 0x80) {
    zigzag = Math.floor(zigzag / 0x80);
    bytes += 1;
  }
  return bytes;
}

/**
 * Throws EventTooLargeError if the topic would refuse the message: before it is sent. The
 * broker's check exactly, for the message sent alone (the relay's batches of many are capped
 * separately, see the outbox relay's maxRequestBytes).
 */
export function assertFitsTopic(topic: TopicSettings, eventType: string, message: EventMessage): void {
  const size = recordBatchSize(message);
  const limit = topic.config['max.message.bytes'];
  if (size > limit) {
    throw new EventTooLargeError(eventType, topic.name, size, limit);
  }
}
