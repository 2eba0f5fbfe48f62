import { startEmbeddedPostgres, type EmbeddedPostgres } from '@orderflow/service';
import { startServiceProcess, waitUntilReady, type ServiceProcess } from './service-process.ts';
import type { ServiceProcessSpec } from './stack-plan.ts';

export type StackOptions = {
  readonly processes: readonly ServiceProcessSpec[];
  /** Bootstrap servers of a running cluster. */
  readonly brokers: readonly string[];
  /** Where PostgreSQL keeps its data between runs; omitted: a temporary server (tests). */
  readonly postgresDataDir?: string;
  /** Every line the services print, labelled. */
  readonly output: (line: string) => void;
  readonly logLevel?: string;
};

export type Stack = {
  readonly services: readonly ServiceProcess[];
  readonly postgres: EmbeddedPostgres;
  /** Stops the services (gracefully, all at once), then PostgreSQL. */
  stop(): Promise<void>;
};

/** A database per service, named after it, as in docker-compose.yml. */
const databaseName = (app: string) => app.replaceAll('-', '_');

/**
 * PostgreSQL (embedded, one server with a database per service), then every service process,
 * then waits until each answers /ready. Instances of one app share its database and, being
 * in one consumer group, split its topic's partitions. A failed start stops what started.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const postgres = await startEmbeddedPostgres(options.postgresDataDir ? { dataDir: options.postgresDataDir } : {});
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await postgres.stop();
  };
  try {
    const databaseUrls = new Map<string, string>();
    for (const app of new Set(options.processes.map((spec) => spec.app))) {
      databaseUrls.set(app, await postgres.createDatabase(databaseName(app)));
    }
    for (const spec of options.processes) {
      const environment = {
        KAFKA_BROKERS: options.brokers.join(','),
        DATABASE_URL: databaseUrls.get(spec.app) ?? '',
        KAFKA_CLIENT_ID: spec.label.replace('#', '-'),
        LOG_LEVEL: options.logLevel ?? 'info',
      };
      services.push(startServiceProcess(spec, environment, options.output));
    }
    await Promise.all(services.map((service) => waitUntilReady(service)));
    return { services, postgres, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
