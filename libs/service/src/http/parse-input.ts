import type { z } from 'zod';
import { ValidationError, type FieldError } from '../errors/domain-errors.ts';

/**
 * Validates a request body at the edge: returns the parsed value, or throws a ValidationError
 * naming every bad field, which the HTTP shell answers with 400 problem+json.
 */
export function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  return parseInput(schema, body, 'The request body is invalid');
}

/** The same for the query string (`GET /orders?status=PENDING`). */
export function parseQuery<Schema extends z.ZodType>(schema: Schema, query: unknown): z.output<Schema> {
  return parseInput(schema, query, 'The query parameters are invalid');
}

function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown, message: string): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ValidationError(message, fieldErrors(result.error), { cause: result.error });
}

/** One FieldError per zod issue; an empty path means the input as a whole. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const segments = issue.path.map(String);
    return {
      path: segments.join('.'),
      // RFC 6901 escaping: `~` and `/` inside a key.
      pointer: `#${segments.map((segment) => `/${segment.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')}`,
      detail: issue.message,
    };
  });
}
