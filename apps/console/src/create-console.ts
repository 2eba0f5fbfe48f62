import { allTopicSettings, errorMessage, topics as catalogueTopics } from '@orderflow/events';
import { connectToKafka, kafkaReadinessCheck } from '@orderflow/kafka';
import {
  createHttpApp,
  createMetrics,
  startHttpServer,
  type HttpServer,
  type Logger,
  type ServiceMetrics,
} from '@orderflow/service';
import type { Admin, Kafka } from 'kafkajs';
import { createConsoleModel } from './console-model.ts';
import { createRebalanceTimeline } from './domain/rebalance-timeline.ts';
import { createRecordLog } from './domain/record-log.ts';
import { consoleRoutes } from './http/console-routes.ts';
import { createEventStream } from './http/event-stream.ts';
import { createClusterReader } from './kafka/cluster-reader.ts';
import { createTailConsumer } from './kafka/tail-consumer.ts';
import type { ServiceInstance } from './services/instance-statuses.ts';

export type ConsoleOptions = {
  readonly kafka: Kafka;
  readonly logger: Logger;
  /** The bootstrap brokers (DescribeQuorum goes to them directly, not through kafkajs). */
  readonly brokers: readonly string[];
  readonly port: number;
  readonly host?: string;
  /** The service instances whose /status names the group members. */
  readonly instances: readonly ServiceInstance[];
  readonly serviceName?: string;
  readonly clientId?: string;
  readonly metrics?: ServiceMetrics;
  /** How often the cluster is read and the page updated. */
  readonly refreshMs?: number;
  /** The longest a single read (a metadata request, a /status) may take in a refresh. */
  readonly readTimeoutMs?: number;
  /** Records per partition listed on the page. */
  readonly recordsShown?: number;
  /** Orders whose events are remembered for "follow an order". */
  readonly ordersRemembered?: number;
  /** Host names, besides loopback, that browsers may reach the console by. */
  readonly allowedHosts?: readonly string[];
};

export const consoleDefaults = {
  host: '127.0.0.1',
  serviceName: 'console',
  clientId: 'console',
  refreshMs: 1_000,
  readTimeoutMs: 2_500,
  recordsShown: 10,
  ordersRemembered: 5_000,
} satisfies Partial<ConsoleOptions>;

/** The catalogue's topics and their dead-letter topics: what the console shows. */
const shownTopics = allTopicSettings().map((topic) => topic.name);
/** Each consumer group of the catalogue with the topics it reads (`readers`). */
const shownGroups = new Map<string, string[]>();
for (const topic of Object.values(catalogueTopics)) {
  for (const group of topic.readers) shownGroups.set(group, [...(shownGroups.get(group) ?? []), topic.name]);
}

export type OrderflowConsole = {
  start(): Promise<void>;
  stop(): Promise<void>;
  readonly url: string;
  /** The console consumer's own group id (unique per process, never committed to). */
  readonly groupId: string;
};

/**
 * The console wired together: HTTP first (so /health answers), then an admin connection once
 * Kafka answers, then a refresh every `refreshMs`: read the cluster, the groups and the
 * instances' /status, push the new view to every open page. Its own consumer starts once the
 * catalogue's topics exist (the services create them; the console only reads).
 */
export function createConsole(options: ConsoleOptions): OrderflowConsole {
  const settings = { ...consoleDefaults, ...options };
  const { kafka, logger } = options;
  const metrics = options.metrics ?? createMetrics({ serviceName: settings.serviceName });
  const timeline = createRebalanceTimeline();
  const log = createRecordLog({ keys: settings.ordersRemembered });
  const stream = createEventStream();
  const starting = new AbortController();
  let admin: Admin | undefined;
  let server: HttpServer | undefined;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const connected = () => {
    if (!admin) throw new Error('not connected to Kafka yet');
    return admin;
  };
  const reader = createClusterReader({
    admin: connected,
    bootstrap: options.brokers,
    clientId: settings.clientId,
    topics: shownTopics,
    groups: shownGroups,
    timeline,
    timeoutMs: settings.readTimeoutMs,
  });
  const model = createConsoleModel({
    reader,
    log,
    timeline,
    instances: options.instances,
    groups: shownGroups,
    recordsShown: settings.recordsShown,
    statusTimeoutMs: settings.readTimeoutMs,
  });
  const tail = createTailConsumer({
    kafka,
    admin: connected,
    topics: shownTopics,
    startBack: settings.recordsShown,
    onRecord: (record) => log.add(record),
  });
  let tailStarted = false;
  const orderServiceUrl = options.instances.find((instance) => instance.label.startsWith('order-service'))?.url;
  const app = createHttpApp({
    serviceName: settings.serviceName,
    logger,
    metrics,
    // Ready once the first view is there: the page then has something to show.
    readinessChecks: [kafkaReadinessCheck(() => (model.current() ? admin : undefined))],
    routes: consoleRoutes({ model, stream, orderServiceUrl, allowedHosts: options.allowedHosts }),
  });

  /** One refresh, then the next one `refreshMs` after this one started. */
  const refresh = async () => {
    const started = Date.now();
    try {
      const view = await model.refresh(started);
      stream.send(view);
      if (!tailStarted && view.topics.every((topic) => topic.error === undefined)) {
        tailStarted = true;
        // Not awaited: joining its group takes seconds, and the view keeps refreshing meanwhile.
        tail.start().catch((error: unknown) => {
          tailStarted = false;
          logger.warn({ err: error }, `the console's consumer could not start: ${errorMessage(error)}; trying again`);
        });
      }
    } catch (error) {
      logger.warn({ err: error }, `console refresh failed: ${errorMessage(error)}`);
    }
    if (!stopped) timer = setTimeout(() => void refresh(), Math.max(0, settings.refreshMs - (Date.now() - started)));
  };

  return {
    groupId: tail.groupId,
    async start() {
      server = await startHttpServer(app, { port: settings.port, host: settings.host });
      logger.info({ url: server.url, groupId: tail.groupId }, `console listening on ${server.url}`);
      // Started before the brokers? Wait for them here, as the services do.
      admin = await connectToKafka({ kafka, logger, signal: starting.signal });
      await refresh();
    },
    async stop() {
      stopped = true;
      starting.abort();
      clearTimeout(timer);
      stream.close();
      await server?.stop();
      server = undefined;
      if (tailStarted) await tail.stop();
      await admin?.disconnect();
      admin = undefined;
    },
    get url() {
      if (!server) throw new Error('the console is not started');
      return server.url;
    },
  };
}
