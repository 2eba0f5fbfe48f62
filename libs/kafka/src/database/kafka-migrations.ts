import { join } from 'node:path';
import { runMigrations } from '@orderflow/service';
import type pg from 'pg';

/**
 * The SQL files of this library's tables (kafka_outbox, kafka_inbox). Named `kafka-…` so
 * they never clash with a service's own migrations in the shared `schema_migrations` table.
 */
export const kafkaMigrationsDirectory = join(import.meta.dirname, '..', '..', 'migrations');

/** Creates the outbox and inbox tables in the service's database (safe to run again). */
export function migrateKafkaTables(pool: pg.Pool): Promise<string[]> {
  return runMigrations({ pool, directory: kafkaMigrationsDirectory });
}
