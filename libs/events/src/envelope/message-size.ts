import type { TopicSettings } from '../catalogue/topic-definition.ts';
import { EventTooLargeError } from '../errors/event-too-large-error.ts';
import type { EventMessage } from './event-message.ts';

/**
 * The bytes a message brings to the broker: key, value and headers. The broker itself
 * checks the record batch (a little framing added, maybe compressed), so it stays the final
 * judge; this check catches the real mistake early and clearly: an event that carries a blob.
 */
export function encodedSize(message: EventMessage): number {
  const headerBytes = Object.entries(message.headers).reduce(
    (sum, [name, value]) => sum + Buffer.byteLength(name) + Buffer.byteLength(value),
    0,
  );
  return Buffer.byteLength(message.key) + (message.value?.length ?? 0) + headerBytes;
}

/** Throws EventTooLargeError if the topic would refuse the message: before it is sent. */
export function assertFitsTopic(topic: TopicSettings, eventType: string, message: EventMessage): void {
  const size = encodedSize(message);
  const limit = topic.config['max.message.bytes'];
  if (size > limit) {
    throw new EventTooLargeError(eventType, topic.name, size, limit);
  }
}
