import { join } from 'node:path';
import type pg from 'pg';
import type { Logger } from '../logger/create-logger.ts';
import { createPool } from './create-pool.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.ts';
import { runMigrations } from './run-migrations.ts';

export interface ServiceDatabaseOptions {
  readonly serviceName: string;
  /** The service's database (config DATABASE_URL). Unset: an embedded PostgreSQL is started. */
  readonly databaseUrl?: string | undefined;
  /**
   * Where the embedded server keeps its data, so orders survive a restart. Default
   * `.data/postgres/<serviceName>` under the working directory.
   */
  readonly embeddedDataDir?: string;
  /** Connections of the pool for HTTP requests (config DATABASE_POOL_SIZE); createPool's default when unset. */
  readonly poolSize?: number;
  /** The service's `.sql` migrations, applied before the pool is handed out. */
  readonly migrationsDirectory?: string;
  readonly logger: Logger;
}

export interface ServiceDatabase {
  /** For HTTP requests (and migrations). */
  readonly pool: pg.Pool;
  /**
   * For the outbox relay and the consumer, on the same database: their own connections, so HTTP
   * requests waiting for a connection never queue in front of them (a bulkhead).
   */
  readonly messagingPool: pg.Pool;
  readonly connectionString: string;
  /** Ends the pools, then stops the embedded server if one was started. */
  stop(): Promise<void>;
}

/** What the messaging pool's sessions are called in `pg_stat_activity.application_name`. */
export const messagingApplicationName = (serviceName: string) => `${serviceName}-messaging`;

/** The messaging pool's connections: the relay's leader session and the consumer's batch transactions. */
export const messagingPoolSize = 4;

/**
 * The composition root's one call for PostgreSQL: the database DATABASE_URL names, or a
 * database named after the service on an embedded server; migrated, with a pool.
 */
export async function connectDatabase(options: ServiceDatabaseOptions): Promise<ServiceDatabase> {
  const { serviceName, logger } = options;
  let embedded: EmbeddedPostgres | undefined;
  let connectionString = options.databaseUrl;
  if (!connectionString) {
    const dataDir = options.embeddedDataDir ?? join(process.cwd(), '.data', 'postgres', serviceName);
    embedded = await startEmbeddedPostgres({ dataDir });
    connectionString = await embedded.createDatabase(serviceName.replaceAll('-', '_'));
    logger.info({ port: embedded.port, dataDir }, 'embedded PostgreSQL started (no DATABASE_URL given)');
  }
  const pool = createPool({
    connectionString,
    applicationName: serviceName,
    logger,
    ...(options.poolSize === undefined ? {} : { max: options.poolSize }),
  });
  const messagingPool = createPool({
    connectionString,
    applicationName: messagingApplicationName(serviceName),
    max: messagingPoolSize,
    logger,
  });
  try {
    if (options.migrationsDirectory) await runMigrations({ pool, directory: options.migrationsDirectory, logger });
  } catch (error) {
    await pool.end();
    await messagingPool.end();
    await embedded?.stop();
    throw error;
  }
  return {
    pool,
    messagingPool,
    connectionString,
    async stop() {
      await pool.end();
      await messagingPool.end();
      await embedded?.stop();
    },
  };
}
