import { z } from 'zod';
import type { EventMap, EventPayload } from '../catalogue/event-definition.ts';
import type { TopicDefinition } from '../catalogue/topic-definition.ts';
import { type DecodeErrorCode, type DecodeErrorDetails, EventDecodeError } from '../errors/event-decode-error.ts';
import { describeFirstIssue } from '../errors/issue-path.ts';
import type { ConsumedRecord, EventMetadata } from './event-message.ts';
import { type HeaderName, headerNames } from './headers.ts';

/** A record read back: which event it is (narrow on `type`), its content and its envelope. */
export type DecodedEvent<Events extends EventMap> = {
  [Type in keyof Events & string]: {
    readonly ok: true;
    readonly type: Type;
    readonly event: EventPayload<Events[Type]>;
    readonly metadata: EventMetadata;
  };
}[keyof Events & string];

export type DecodeFailure = { readonly ok: false; readonly error: EventDecodeError };

/** Either a typed event or the reason there is none: callers must handle both. */
export type DecodeResult<Events extends EventMap> = DecodedEvent<Events> | DecodeFailure;

// content-type is checked on its own: tombstones have none.
const requiredHeaders: readonly HeaderName[] = [
  headerNames.eventType,
  headerNames.eventVersion,
  headerNames.eventId,
  headerNames.correlationId,
  headerNames.causationId,
  headerNames.source,
];

const EventId = z.uuid();
const PositiveInteger = /^[1-9][0-9]*$/;
const EpochMillis = /^[0-9]+$/;

/**
 * Reads a consumed record of `topic` back into a typed event plus its metadata. Nothing is
 * thrown for bad input: a record that cannot be read comes back as an EventDecodeError
 * saying what is wrong, for the consumer to dead-letter.
 */
export function recordToEvent<Events extends EventMap>(
  topic: TopicDefinition<Events>,
  record: ConsumedRecord,
): DecodeResult<Events> {
  const fail = (code: DecodeErrorCode, message: string, details: Omit<DecodeErrorDetails, 'topic'> = {}) =>
    ({ ok: false, error: new EventDecodeError(code, message, { topic: topic.name, ...details }) }) as const;

  const headers = readHeaders(record.headers);
  if (!headers.ok) return fail('invalid-header', headers.reason, { header: headers.header });
  const header = (name: HeaderName) => headers.values.get(name);
  const missing = requiredHeaders.find((name) => header(name) === undefined);
  if (missing !== undefined) return fail('missing-header', `the "${missing}" header is missing`, { header: missing });

  const type = header(headerNames.eventType) ?? '';
  const definition = Object.hasOwn(topic.events, type) ? topic.events[type] : undefined;
  if (definition === undefined) {
    const carried = Object.keys(topic.events).join(', ');
    return fail('unknown-event-type', `"${type}" is not an event this topic carries (${carried})`, { eventType: type });
  }

  const versionText = header(headerNames.eventVersion) ?? '';
  const version = Number(versionText);
  if (!PositiveInteger.test(versionText) || !Number.isSafeInteger(version)) {
    return fail('unsupported-event-version', `${type} version "${versionText}" is not a positive integer`, {
      eventType: type,
    });
  }
  if (version < definition.minVersion) {
    return fail(
      'unsupported-event-version',
      `${type} v${version} is older than the oldest supported, v${definition.minVersion}`,
      {
        eventType: type,
      },
    );
  }

  const contentType = header(headerNames.contentType) ?? null;
  if (topic.codec.contentType !== null && contentType !== topic.codec.contentType) {
    return fail(
      'invalid-header',
      `content-type is "${contentType}", but this topic carries ${topic.codec.contentType}`,
      {
        header: headerNames.contentType,
        eventType: type,
      },
    );
  }
  const eventId = header(headerNames.eventId) ?? '';
  if (!EventId.safeParse(eventId).success) {
    return fail('invalid-header', `event-id "${eventId}" is not a UUID`, {
      header: headerNames.eventId,
      eventType: type,
    });
  }
  if (!EpochMillis.test(record.timestamp)) {
    return fail('invalid-timestamp', `the timestamp "${record.timestamp}" is not epoch milliseconds`, {
      eventType: type,
    });
  }

  const key = record.key === null ? null : record.key.toString();
  const decoded = topic.codec.decode(record.value, { eventType: type, definition, writerVersion: version, key });
  if (!decoded.ok) return fail('undecodable-value', `${type} v${version}: ${decoded.reason}`, { eventType: type });

  // Tolerant reader: z.object drops fields it does not know, which is how an older reader
  // copes with a newer version's added fields.
  const parsed = definition.schema.safeParse(decoded.value);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error);
    return fail('invalid-event-field', `${type} v${version} is invalid at ${issue.text}`, {
      eventType: type,
      path: issue.path,
    });
  }

  return {
    ok: true,
    type,
    event: parsed.data,
    metadata: {
      key,
      eventId,
      eventType: type,
      eventVersion: version,
      contentType,
      correlationId: header(headerNames.correlationId) ?? '',
      causationId: header(headerNames.causationId) ?? '',
      source: header(headerNames.source) ?? '',
      occurredAt: new Date(Number(record.timestamp)),
    },
  } as DecodedEvent<Events>;
}

/** Header values as text. Kafka allows a header more than once; ours must appear once. */
function readHeaders(
  raw: ConsumedRecord['headers'],
): { ok: true; values: Map<string, string> } | { ok: false; reason: string; header: string } {
  const values = new Map<string, string>();
  for (const [name, value] of Object.entries(raw ?? {})) {
    if (value === undefined) continue;
    const occurrences = typeof value === 'string' || Buffer.isBuffer(value) ? [value] : value;
    const [only] = occurrences;
    if (only === undefined || occurrences.length > 1) {
      return { ok: false, reason: `the "${name}" header appears ${occurrences.length} times`, header: name };
    }
    values.set(name, only.toString());
  }
  return { ok: true, values };
}
