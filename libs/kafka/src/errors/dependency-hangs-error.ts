import { OrderflowError } from '@orderflow/events';

/**
 * A handler timed out and the dependency's probe (a `SELECT 1`) did not answer in time
 * either: the database hangs (a frozen server, a network that drops packets), so every record
 * would time out the same way. A dependency wait, like a database that refuses connections.
 */
export class DependencyHangsError extends OrderflowError {
  constructor(handlerTimeout: Error, probeFailure: unknown) {
    const why = probeFailure instanceof Error ? probeFailure.message : String(probeFailure);
    super(`${handlerTimeout.message}, and the dependency's probe failed too (${why}): it hangs`, {
      code: 'dependency-hangs',
      retriable: true,
      cause: handlerTimeout,
    });
  }
}
