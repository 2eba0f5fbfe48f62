import { isDatabaseUnavailable, UnavailableError } from '@orderflow/service';
import { DependencyHangsError } from './dependency-hangs-error.ts';

/**
 * Is this the failure of a dependency (the database, the network to it) rather than of the
 * record? Then every record would fail the same way until it is back, so dead-lettering
 * this one would be wrong: the consumer waits and tries again instead, however long it takes.
 * The outbox relay asks the same question of its database side: such a failure costs it the
 * leader session.
 *
 * Recognised: an UnavailableError (withTransaction turns a database failure into one), and
 * everything isDatabaseUnavailable knows: socket errors, a dropped connection, a server that
 * restarts or is full, and lock waits that timed out or deadlocked (see its list); and a
 * DependencyHangsError: a handler timed out and the database's probe did too
 * (consumer/timeout-diagnosis.ts).
 */
export function isDependencyUnavailable(error: unknown): boolean {
  return error instanceof UnavailableError || error instanceof DependencyHangsError || isDatabaseUnavailable(error);
}
