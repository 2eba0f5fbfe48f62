import type { Logger } from '@orderflow/service';
import type { Kafka } from 'kafkajs';
import type pg from 'pg';
import type { TestDatabase } from '../database/test-database.ts';
import type { TestService } from './start-test-service.ts';

/** What every service of the monorepo is, as a test sees it: it starts, it stops, it listens. */
export type ServiceInstance = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Where the HTTP server listens; only after start(). */
  readonly url: string;
};

/** What the harness shares between a service's instances: one database, one client, one group. */
export type TestServiceSetup<Topics> = {
  readonly database: TestDatabase;
  readonly kafka: Kafka;
  readonly topics: Topics;
  readonly groupId: string;
};

/** What `create` gets: the shared setup, a free port on localhost, and a logger that prints nothing. */
export type TestServiceDeps<Topics> = {
  readonly port: 0;
  readonly host: '127.0.0.1';
  readonly pool: pg.Pool;
  readonly kafka: Kafka;
  readonly logger: Logger;
  readonly topics: Topics;
  readonly groupId: string;
};

/**
 * An app, described for startTestService(). Each app defines its own in its spec-helpers,
 * because libraries may not import apps (Nx module boundaries): the harness only calls it.
 */
export type TestServiceApp<Topics, Instance extends ServiceInstance, Extras extends object = object> = {
  /** The service's name: its logger's, and the prefix of its client id and group id. */
  readonly name: string;
  /** The prefix of its test database's name (underscores: a PostgreSQL identifier). */
  readonly databaseLabel: string;
  /** The kafkajs client the service would make, on the test cluster's brokers. */
  kafka(brokers: readonly string[], clientId: string): Kafka;
  /** Fresh copies of its topics: other suites share the cluster, so tests never touch the real ones. */
  topics(): Topics;
  /** One instance, not started yet. */
  create(deps: TestServiceDeps<Topics>): Instance;
  /** Runs once before the first instance starts, e.g. so a test can fill the database first. */
  prepare?(setup: TestServiceSetup<Topics>): Promise<void>;
  /** Helpers of this app's specs, added to what startTestService() returns. */
  extras?(service: TestService<Topics, Instance>): Extras;
};
