/**
 * The envelope's headers: metadata about the event, kept out of the event itself so a
 * consumer can route, deduplicate and trace a record before (or without) reading its value.
 */
export const headerNames = {
  /** Unique per event and time-ordered (UUIDv7); consumers deduplicate by it (inbox). */
  eventId: 'event-id',
  /** The event's name, e.g. `OrderPlacedEvent`: which schema the value follows. */
  eventType: 'event-type',
  /** The version of that schema the writer used. */
  eventVersion: 'event-version',
  /** Which codec wrote the value, e.g. `application/json`. Absent on tombstones. */
  contentType: 'content-type',
  /** Shared by every event of one business flow, e.g. all events of one order request. */
  correlationId: 'correlation-id',
  /** The event (or request) that directly caused this one. */
  causationId: 'causation-id',
  /** The service that wrote the event: the topic's single writer. */
  source: 'source',
} as const;

export type HeaderName = (typeof headerNames)[keyof typeof headerNames];
