import { z } from 'zod';
import type { EventMap, EventPayload } from '../catalogue/event-definition.ts';
import type { TopicDefinition } from '../catalogue/topic-definition.ts';
import { InvalidEventError } from '../errors/invalid-event-error.ts';
import { describeFirstIssue } from '../errors/issue-path.ts';
import { newEventId } from './event-id.ts';
import type { EventContext, EventMessage } from './event-message.ts';
import { headerNames } from './headers.ts';
import { assertFitsTopic } from './message-size.ts';

const Context = z.object({
  occurredAt: z.date().refine((date) => !Number.isNaN(date.getTime()), 'must be a valid date'),
  correlationId: z.string().min(1),
  causationId: z.string().min(1).optional(),
  eventId: z.uuid().optional(),
});

/**
 * Wraps an event in its envelope: the message to send to `topic`. `type` must be one of
 * the topic's events, and `event` that event's type, so publishing an event on a topic
 * that does not carry it does not compile.
 *
 * Throws InvalidEventError if the event or context breaks the contract, and
 * EventTooLargeError if the encoded message is bigger than the topic accepts.
 */
export function eventToMessage<Events extends EventMap, Type extends keyof Events & string>(
  topic: TopicDefinition<Events>,
  type: Type,
  event: EventPayload<Events[Type]>,
  context: EventContext,
): EventMessage {
  const definition = topic.events[type];
  if (definition === undefined) {
    // Only reachable by escaping the types, e.g. from JavaScript.
    throw new InvalidEventError(type, `topic ${topic.name} does not carry this event`);
  }
  // Validate before publishing: a bad event must fail here, in its writer, not in every reader.
  const parsedEvent = definition.schema.safeParse(event);
  if (!parsedEvent.success) {
    const issue = describeFirstIssue(parsedEvent.error);
    throw new InvalidEventError(type, issue.text, issue.path);
  }
  const parsedContext = Context.safeParse(context);
  if (!parsedContext.success) {
    throw new InvalidEventError(type, `context ${describeFirstIssue(parsedContext.error).text}`);
  }
  const { occurredAt, correlationId, causationId = correlationId, eventId = newEventId() } = parsedContext.data;

  const value = topic.codec.encode(parsedEvent.data, { eventType: type, definition });
  const headers: Record<string, string> = {
    [headerNames.eventId]: eventId,
    [headerNames.eventType]: type,
    [headerNames.eventVersion]: String(definition.version),
    [headerNames.correlationId]: correlationId,
    [headerNames.causationId]: causationId,
    [headerNames.source]: topic.writer,
  };
  if (topic.codec.contentType !== null) {
    headers[headerNames.contentType] = topic.codec.contentType;
  }
  const message: EventMessage = {
    key: topic.key(parsedEvent.data as EventPayload<Events[Type]>),
    value,
    timestamp: String(occurredAt.getTime()),
    headers,
  };
  assertFitsTopic(topic, type, message);
  return message;
}
