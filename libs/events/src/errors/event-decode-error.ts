import { OrderflowError } from './orderflow-error.ts';

/** Everything that can be wrong with a consumed record, one code each. */
export const decodeErrorCodes = [
  'missing-header', // a required header is absent
  'invalid-header', // a header is present but malformed, or contradicts the topic
  'invalid-timestamp', // the record timestamp is not epoch milliseconds
  'unknown-event-type', // the topic does not carry an event of this name
  'unsupported-event-version', // not a positive integer, or older than the event's minimum
  'undecodable-value', // the bytes are not what the topic's codec reads
  'invalid-event-field', // the decoded value breaks the event's schema
] as const;
export type DecodeErrorCode = (typeof decodeErrorCodes)[number];

export type DecodeErrorDetails = {
  readonly topic: string;
  readonly header?: string;
  readonly eventType?: string;
  /** For `invalid-event-field`: where in the event, e.g. `items[0].quantity`. */
  readonly path?: string;
};

/**
 * A record that cannot become a typed event. Never retriable: the same bytes fail the
 * same way every time, so the consumer sends them to its dead-letter topic at once.
 */
export class EventDecodeError extends OrderflowError {
  declare readonly code: DecodeErrorCode;
  readonly details: DecodeErrorDetails;

  constructor(code: DecodeErrorCode, message: string, details: DecodeErrorDetails, cause?: unknown) {
    super(`${message} (topic ${details.topic})`, { code, retriable: false, cause });
    this.details = details;
  }
}
