import type { TopicSettings } from '@orderflow/events';
import {
  createRetentionJob,
  databaseReadinessCheck,
  runMigrations,
  startHttpServer,
  type HttpServer,
  type Logger,
  type ReadinessCheck,
  type RetentionJob,
  type RetentionRule,
} from '@orderflow/service';
import type { Admin, Kafka } from 'kafkajs';
import type pg from 'pg';
import { connectToKafka, kafkaReadinessCheck } from '../client/connect-to-kafka.ts';
import type { ConsumerRunner } from '../consumer/consumer-runner.ts';
import type { ConsumerStatus } from '../consumer/consumer-status.ts';
import { migrateKafkaTables } from '../database/kafka-migrations.ts';
import { inboxRetention } from '../inbox/inbox-retention.ts';
import { sentOutboxRetention } from '../outbox/outbox-retention.ts';
import type { OutboxRelay, OutboxRelayStatus } from '../outbox/outbox-relay.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';
import type { TopicKeepTime } from '../provisioning/topic-keep-time.ts';

/** The service's Express app, as libs/service builds it. */
type HttpApp = Parameters<typeof startHttpServer>[0];

export type ServiceLifecycleOptions = {
  readonly serviceName: string;
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly logger: Logger;
  /** The service's own `.sql` migrations (the outbox and inbox tables come with this library). */
  readonly migrationsDirectory: string;
  /** Every topic the service writes or reads, and its dead-letter topics: created or verified at start. */
  readonly topics: readonly TopicSettings[];
  /** A service that publishes has an outbox relay; one that only reads has none. */
  readonly relay?: OutboxRelay;
  readonly consumer: ConsumerRunner;
  /** The service's own tables' retention (the outbox's and the inbox's come with this library). */
  readonly retention?: readonly RetentionRule[];
  readonly listen: { readonly port: number; readonly host?: string | undefined };
};

export type ServiceLifecycle = {
  /** For /ready: the database, and Kafka once the whole start has finished. */
  readonly readinessChecks: readonly ReadinessCheck[];
  /** For GET /status: what the consumer group member and the outbox relay are doing. */
  status(): { readonly consumer: ConsumerStatus; readonly outboxRelay?: OutboxRelayStatus };
  start(app: HttpApp): Promise<void>;
  /** Stops in reverse order; a second call does nothing. */
  stop(): Promise<void>;
  /** Where the HTTP server listens; only after start(). */
  readonly url: string;
};

/**
 * How every Orderflow service starts and stops, in one place, so all three do it in the same
 * order: database first, then HTTP (so /health answers while the rest waits), then Kafka,
 * waited for if it is not up yet, its topics, the outbox relay and the consumer. Stop runs
 * backwards: no new requests, then no new records (the one in flight finishes and commits),
 * then the relay publishes what it holds, then the admin connection closes.
 */
export function createServiceLifecycle(options: ServiceLifecycleOptions): ServiceLifecycle {
  const { serviceName, pool, kafka, logger, relay, consumer } = options;
  // One admin kept connected, so /ready asks the cluster without a new connection each time.
  let admin: Admin | undefined;
  let server: HttpServer | undefined;
  let started = false;
  // Aborted by stop(): a start still waiting for Kafka gives up.
  const starting = new AbortController();
  // Made once the topics are known: the inbox keep time comes from the cluster's config.
  let retention: RetentionJob | undefined;

  /** The outbox's, the inbox's (as long as the topics read keep their records) and the service's own. */
  function retentionRules(keepTimes: readonly TopicKeepTime[]): RetentionRule[] {
    const inbox = inboxRetention(keepTimes.filter(({ topic }) => consumer.topics.includes(topic)));
    logger.info(
      { keepMs: inbox?.keepMs, topics: consumer.topics },
      inbox
        ? `inbox entries are kept ${+(inbox.keepMs / 86_400_000).toFixed(2)} days: the longest retention.ms + segment.ms of the topics read`
        : 'inbox entries are kept for ever: a topic read keeps its records for ever',
    );
    return [...(relay ? [sentOutboxRetention] : []), ...(inbox ? [inbox] : []), ...(options.retention ?? [])];
  }

  return {
    readinessChecks: [databaseReadinessCheck(pool), kafkaReadinessCheck(() => (started ? admin : undefined))],
    status: () => ({ consumer: consumer.status(), ...(relay ? { outboxRelay: relay.status() } : {}) }),
    async start(app) {
      await runMigrations({ pool, directory: options.migrationsDirectory, logger });
      await migrateKafkaTables(pool);
      // Listening before Kafka answers: /health says the process is alive, /ready says 503
      // until everything below has started.
      server = await startHttpServer(app, {
        port: options.listen.port,
        ...(options.listen.host ? { host: options.listen.host } : {}),
      });
      logger.info({ url: server.url }, `${serviceName} listening on ${server.url}`);
      // Started before the brokers? Wait for them here instead of exiting.
      admin = await connectToKafka({ kafka, logger, signal: starting.signal });
      const { keepTimes } = await provisionTopics({ kafka, logger, topics: options.topics });
      retention = createRetentionJob({ pool, logger, rules: retentionRules(keepTimes) });
      retention.start();
      await relay?.start();
      await consumer.start();
      started = true;
    },
    async stop() {
      starting.abort();
      started = false;
      await server?.stop();
      server = undefined;
      await consumer.stop();
      await relay?.stop();
      await retention?.stop();
      retention = undefined;
      await admin?.disconnect();
      admin = undefined;
    },
    get url() {
      if (!server) throw new Error(`${serviceName} is not started`);
      return server.url;
    },
  };
}
