import { OrderflowError, type HttpErrorCode } from '@orderflow/events';

// Errors a use case throws to say what went wrong, in domain terms. The HTTP shell turns each
// into a status (see http/problem-details.ts); nothing here knows about HTTP. A service makes
// its own by subclassing, e.g. `class OrderNotFoundError extends NotFoundError`, and may give
// it a more precise code: `super(message, { code: 'ORDER_NOT_FOUND' })`.

interface DomainErrorOptions {
  /** The code a client sees; a new one is added to HttpErrorCode (libs/events). */
  readonly code?: HttpErrorCode;
  readonly cause?: unknown;
}

/** One bad field of an input: `path` is where it sits, e.g. `items.0.quantity`. */
export interface FieldError {
  readonly path: string;
  /** The same place as an RFC 6901 JSON Pointer into the input, e.g. `#/items/0/quantity`. */
  readonly pointer: string;
  readonly detail: string;
}

/** The input breaks the contract (HTTP 400). Retrying the same input fails again. */
export class ValidationError extends OrderflowError {
  readonly errors: readonly FieldError[];

  constructor(message: string, errors: readonly FieldError[], options: DomainErrorOptions = {}) {
    super(message, { code: options.code ?? 'VALIDATION_FAILED', retriable: false, cause: options.cause });
    this.errors = errors;
  }
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFoundError extends OrderflowError {
  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, { code: options.code ?? 'NOT_FOUND', retriable: false, cause: options.cause });
  }
}

/** The request contradicts the current state, e.g. shipping a cancelled order (HTTP 409). */
export class ConflictError extends OrderflowError {
  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, { code: options.code ?? 'CONFLICT', retriable: false, cause: options.cause });
  }
}

/** A dependency (database, Kafka) cannot be reached now; trying later may work (HTTP 503). */
export class UnavailableError extends OrderflowError {
  constructor(message: string, options: DomainErrorOptions = {}) {
    super(message, { code: options.code ?? 'UNAVAILABLE', retriable: true, cause: options.cause });
  }
}
