/**
 * A stable, machine-readable code for any error: its `code` if it has one, else its name. An
 * OrderflowError's is an ErrorCode; whatever else is thrown keeps its own (pg's SQLSTATE,
 * Node's ECONNREFUSED), so the answer is a string.
 */
export function errorCode(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string')
    return error.code;
  return error instanceof Error ? error.name : 'unknown-error';
}

/** The error's message, for logs and dead-letter headers, whatever was thrown. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
