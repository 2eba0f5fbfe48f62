import { PostgreSqlContainer } from '@testcontainers/postgresql';
import { postgresImage } from './container-images.ts';
import { dockerEngine } from './docker-engine.ts';

export interface PostgresContainer {
  /** The server's URL, as its superuser (as EmbeddedPostgres has it); tests create their databases on it. */
  connectionString(): string;
  stop(): Promise<void>;
}

/** PostgreSQL (POSTGRES_IMAGE, default the official `postgres:17`) in a container, for one jest run. */
export async function startPostgresContainer(): Promise<PostgresContainer> {
  await dockerEngine(); // a clear error when there is no Docker, and the Ryuk decision
  const container = await new PostgreSqlContainer(postgresImage()).start();
  return {
    connectionString: () => container.getConnectionUri(),
    async stop() {
      await container.stop({ remove: true, removeVolumes: true });
    },
  };
}
