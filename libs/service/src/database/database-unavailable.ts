import { UnavailableError } from '../errors/domain-errors.ts';

/**
 * Is this the database failing as a dependency (unreachable, restarting, out of connections,
 * or holding the locks the work needs) rather than the work itself failing? Then the same work
 * succeeds later, unchanged: a request answers 503, a consumer waits and tries again instead of
 * dead-lettering the record.
 *
 * Recognised:
 * - Node's socket errors, pg's "connection terminated", a client pg marked broken, and the
 *   pool giving up on a new connection;
 * - class 08 (connection exception), 57P01-57P03 (the server is shutting down or starting),
 *   53300 (too many connections), 25P03 (the server ended a session idle in a transaction);
 * - 55P03 (lock_timeout) and 57014 (statement_timeout): another session holds a lock, say a
 *   frozen instance, until idle_in_transaction_session_timeout ends that session (create-pool.ts);
 * - 40P01 (deadlock) and 40001 (serialization failure): PostgreSQL aborted one of two colliding
 *   transactions so the other could go on; running it again succeeds.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (socketErrorCodes.has(code) || waitSqlStates.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i.test(
    message,
  );
}

const socketErrorCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const waitSqlStates = new Set(['57P01', '57P02', '57P03', '53300', '25P03', '55P03', '57014', '40P01', '40001']);

/**
 * The same error as the UnavailableError a client is shown (HTTP 503 `DATABASE_UNAVAILABLE`,
 * "try again"), with pg's error as its cause for the log; any other error as it is. Used where
 * the database's errors leave the code: a transaction, and the HTTP layer for every route that
 * queries the pool directly.
 */
export function asDatabaseUnavailable(error: unknown): unknown {
  if (error instanceof UnavailableError || !isDatabaseUnavailable(error)) return error;
  return new UnavailableError('The database is unavailable; try again shortly.', {
    code: 'DATABASE_UNAVAILABLE',
    cause: error,
  });
}
