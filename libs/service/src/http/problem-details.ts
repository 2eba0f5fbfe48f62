import { STATUS_CODES } from 'node:http';
import { OrderflowError, type ErrorCode, type HttpErrorCode } from '@orderflow/events';
import {
  ConflictError,
  NotFoundError,
  UnavailableError,
  ValidationError,
  type FieldError,
} from '../errors/domain-errors.ts';

/** An RFC 9457 problem, sent as `application/problem+json`, plus the error `code`. */
export interface ProblemDetails {
  /** Identifies the kind of problem; `urn:orderflow:problem:not-found` etc. */
  readonly type: string;
  /** The HTTP status phrase, e.g. "Not Found". */
  readonly title: string;
  readonly status: number;
  /** What went wrong in this occurrence, for a human. */
  readonly detail: string;
  /** The request path. */
  readonly instance?: string;
  /** The error code, for a client that switches on it. */
  readonly code: string;
  /** For validation problems: every bad field. */
  readonly errors?: readonly FieldError[];
  readonly [extension: string]: unknown;
}

export const problemContentType = 'application/problem+json';

/** A 503's `Retry-After`: a pool reconnects, or a lock frees, within about this long. */
export const unavailableRetryAfterSeconds = 1;

/** An error of the HTTP layer itself (bad JSON, wrong content type, unknown route): status given. */
export class HttpError extends OrderflowError {
  readonly status: number;

  constructor(status: number, message: string, options: { code: HttpErrorCode; cause?: unknown }) {
    super(message, { code: options.code, retriable: false, cause: options.cause });
    this.status = status;
  }
}

/** Extra `code → status` pairs for a service's own OrderflowError codes. */
export type ErrorStatuses = Readonly<Partial<Record<ErrorCode, number>>>;

/** The HTTP status for an error: by its class, then by its code, else 500. */
export function statusFor(error: unknown, errorStatuses: ErrorStatuses = {}): number {
  if (error instanceof HttpError) return error.status;
  if (error instanceof ValidationError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  if (error instanceof UnavailableError) return 503;
  if (error instanceof OrderflowError) return errorStatuses[error.code] ?? 500;
  return 500;
}

/** The problem document for an error. A 500 never shows internals; they go to the log. */
export function problemFor(error: unknown, instance: string, errorStatuses: ErrorStatuses = {}): ProblemDetails {
  const status = statusFor(error, errorStatuses);
  // Only errors the code raised on purpose are shown as they are.
  const shown = status !== 500 && error instanceof OrderflowError ? error : undefined;
  const code = shown?.code ?? 'INTERNAL_ERROR';
  return {
    type: problemType(code),
    title: STATUS_CODES[status] ?? 'Error',
    status,
    detail: shown?.message ?? 'An unexpected error occurred.',
    instance,
    code,
    ...(error instanceof ValidationError ? { errors: error.errors } : {}),
  };
}

/** `NOT_FOUND` → `urn:orderflow:problem:not-found`. */
export function problemType(code: ErrorCode): string {
  return `urn:orderflow:problem:${code.toLowerCase().replaceAll('_', '-')}`;
}
