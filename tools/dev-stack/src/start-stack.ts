import { startEmbeddedPostgres, type EmbeddedPostgres } from '@orderflow/service';
import { startServiceProcess, waitUntilReady, type ServiceProcess } from './service-process.ts';
import type { ServiceProcessSpec } from './stack-plan.ts';

export type StackOptions = {
  readonly processes: readonly ServiceProcessSpec[];
  /** Bootstrap servers of a cluster (it need not be up yet: services wait for it). */
  readonly brokers: readonly string[];
  /** Where PostgreSQL keeps its data between runs; omitted: a temporary server (tests). */
  readonly postgresDataDir?: string;
  /** Every line the services print, labelled. */
  readonly output: (line: string) => void;
  /** Every service's LOG_LEVEL; default: this process's LOG_LEVEL, else info. */
  readonly logLevel?: string;
  /** The URL an app's processes get for its database; the fault tests route one through a proxy. */
  readonly databaseUrlFor?: (app: string, url: string) => string;
  /** Called once PostgreSQL runs, before any service starts (the fault tests put a proxy in front). */
  readonly onPostgres?: (port: number) => Promise<void>;
  /** Wait for /ready before start returns (default). Off: services started before their brokers. */
  readonly waitUntilReady?: boolean;
  /** On a secured cluster: each app's Kafka login (KAFKA_SASL_USERNAME, ...), by app name. */
  readonly kafkaLoginFor?: (app: string) => Record<string, string>;
  /** Where the services listen (HOST); default loopback. */
  readonly host?: string;
};

export type Stack = {
  /** The processes started so far, the stopped ones included. */
  readonly services: readonly ServiceProcess[];
  readonly postgres: EmbeddedPostgres;
  /** The database of each app, on `postgres`. */
  readonly databaseUrls: ReadonlyMap<string, string>;
  /** One more process (a new instance, or a stopped one again); resolves once it is ready. */
  startProcess(spec: ServiceProcessSpec): Promise<ServiceProcess>;
  /** The most recently started process with this label. */
  process(label: string): ServiceProcess;
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
  const databaseUrls = new Map<string, string>();

  const launch = (spec: ServiceProcessSpec) => {
    const databaseUrl = databaseUrls.get(spec.app) ?? '';
    const service = startServiceProcess(
      spec,
      {
        HOST: options.host ?? '127.0.0.1',
        KAFKA_BROKERS: options.brokers.join(','),
        DATABASE_URL: options.databaseUrlFor ? options.databaseUrlFor(spec.app, databaseUrl) : databaseUrl,
        KAFKA_CLIENT_ID: spec.label.replace('#', '-'),
        ...options.kafkaLoginFor?.(spec.app),
        // `LOG_LEVEL=debug npm start` reaches every service (and shows the probes' access log).
        LOG_LEVEL: options.logLevel ?? process.env['LOG_LEVEL'] ?? 'info',
        // The console names group members by the instances' /status: it gets all their URLs.
        ...(spec.app === 'console' ? { CONSOLE_SERVICES: consoleServices(options.processes) } : {}),
      },
      options.output,
    );
    services.push(service);
    return service;
  };
  const stop = async () => {
    await Promise.all(services.map((service) => service.stop()));
    await postgres.stop();
  };

  try {
    await options.onPostgres?.(postgres.port);
    for (const app of new Set(options.processes.filter((spec) => spec.app !== 'console').map((spec) => spec.app))) {
      databaseUrls.set(app, await postgres.createDatabase(databaseName(app)));
    }
    const started = options.processes.map(launch);
    if (options.waitUntilReady ?? true) await Promise.all(started.map((service) => waitUntilReady(service)));
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    services,
    postgres,
    databaseUrls,
    async startProcess(spec) {
      const service = launch(spec);
      await waitUntilReady(service);
      return service;
    },
    process(label) {
      const found = services.findLast((service) => service.spec.label === label);
      if (!found) throw new Error(`no process ${label} in this stack`);
      return found;
    },
    stop,
  };
}

/** `label=url` of every service process: the console's CONSOLE_SERVICES. */
function consoleServices(processes: readonly ServiceProcessSpec[]): string {
  return processes
    .filter((spec) => spec.app !== 'console')
    .map((spec) => `${spec.label}=http://127.0.0.1:${spec.port}`)
    .join(',');
}
