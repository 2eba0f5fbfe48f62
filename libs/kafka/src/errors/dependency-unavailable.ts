/**
 * Is this the failure of a dependency (the database, the network to it) rather than of the
 * record? Then every record would fail the same way until it is back, so dead-lettering
 * this one would be wrong: the consumer waits and tries again instead, however long it takes.
 *
 * Recognised: Node's socket errors, pg's "connection terminated" and pool timeouts, and the
 * PostgreSQL SQLSTATEs that mean "no server to talk to": class 08 (connection exception),
 * 57P01-57P03 (the server is shutting down or starting), 53300 (too many connections).
 */
export function isDependencyUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND'].includes(code)) return true;
  if (/^08[0-9A-Z]{3}$/.test(code) || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i.test(message);
}
