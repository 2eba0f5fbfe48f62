import type { DecodeErrorCode } from './event-decode-error.ts';

/**
 * Every error code the project raises, in two closed unions, so a misspelt code fails to
 * compile. Two casings on purpose, not drift:
 * - `OrderflowErrorCode`, kebab-case: the codes of the project's own failures. They travel
 *   in dead-letter headers (`dlt-error-code`), consumer status and logs.
 * - `HttpErrorCode`, SCREAMING_SNAKE: the `code` of the HTTP API's problem documents. They
 *   are a public API, documented in docs/ and the README and switched on by clients, so
 *   they keep their spelling. Domain errors thrown by a use case (e.g. ORDER_NOT_FOUND) carry
 *   one, because the HTTP shell shows their code as it is.
 * A new code is added here, to the union of the casing it is written in.
 */
export type OrderflowErrorCode =
  | DecodeErrorCode // a consumed record that cannot become a typed event (event-decode-error.ts)
  | 'invalid-event' // an event to publish breaks its schema
  | 'event-too-large' // an event to publish exceeds its topic's limit
  | 'invalid-topic-name' // a dead-letter topic name Kafka would refuse
  | 'topic-mismatch' // a topic exists with other settings than the catalogue's
  | 'handler-timeout' // a message handler did not finish in time
  | 'dependency-hangs' // a handler timed out and its database did not answer a probe either
  | 'kafka-login-refused' // the brokers refused the service's credentials
  | 'migration-failed' // PostgreSQL refused a migration file
  | 'invalid-config'; // the environment does not describe a runnable service

/** The HTTP API's error codes: `code` of every problem document a service answers with. */
export type HttpErrorCode =
  // The HTTP shell (libs/service).
  | 'ROUTE_NOT_FOUND'
  | 'MALFORMED_JSON'
  | 'BODY_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BAD_REQUEST'
  | 'NOT_READY'
  | 'INTERNAL_ERROR'
  // The domain errors' defaults (libs/service), and the database going away.
  | 'VALIDATION_FAILED'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'UNAVAILABLE'
  | 'DATABASE_UNAVAILABLE'
  // order-service
  | 'ORDER_NOT_FOUND'
  | 'ORDER_STATUS_CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  // inventory-service
  | 'SKU_NOT_FOUND'
  | 'RESERVATION_NOT_FOUND'
  // notification-service
  | 'NOTIFICATION_NOT_FOUND'
  // console
  | 'MISSING_KEY'
  | 'NO_ORDER_SERVICE'
  | 'ORDER_SERVICE_UNREACHABLE'
  | 'TOO_MANY_VIEWERS'
  | 'HOST_NOT_ALLOWED';

/** Any code an OrderflowError can carry: one of the project's own, or one the HTTP API shows. */
export type ErrorCode = OrderflowErrorCode | HttpErrorCode;

/**
 * The one error base class of the whole project. Every failure we raise on purpose says
 * what went wrong (`code`, stable and machine-readable) and whether trying again can help
 * (`retriable`). Retry and dead-letter logic read only `retriable`, never the subclass:
 * a broker that is briefly away is retriable, a record that can never be decoded is not.
 */
export class OrderflowError extends Error {
  readonly code: ErrorCode;
  readonly retriable: boolean;

  constructor(message: string, options: { code: ErrorCode; retriable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    // `new.target` is the subclass actually constructed, so logs show e.g. EventDecodeError.
    this.name = new.target.name;
    this.code = options.code;
    this.retriable = options.retriable;
  }
}
