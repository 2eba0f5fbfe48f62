import { v7 as uuidv7 } from 'uuid';
import type { EventMetadata } from './event-message.ts';

/**
 * A new event id: a UUIDv7, unique and starting with the time it was made, so ids sort in
 * creation order (kind to database indexes, and readable in logs).
 */
export function newEventId(): string {
  return uuidv7();
}

/** The context for an event written because of another: same flow, caused by that event. */
export function causedBy(cause: Pick<EventMetadata, 'eventId' | 'correlationId'>): {
  correlationId: string;
  causationId: string;
} {
  return { correlationId: cause.correlationId, causationId: cause.eventId };
}
