import { createLogger } from '@orderflow/service';
import type { Producer } from 'kafkajs';
import { testDatabase } from '../database/test-database.ts';
import { requestJson, type JsonAnswer } from '../request-json.ts';
import { testCluster } from '../test-cluster.ts';
import { uniqueGroupId } from '../unique-names.ts';
import type { ServiceInstance, TestServiceApp, TestServiceSetup } from './test-service-app.ts';

export type TestServiceOptions = {
  /** Instances started at once (default 1); 0 to start them with startInstance(). */
  readonly instances?: number;
};

export type TestService<Topics, Instance extends ServiceInstance> = TestServiceSetup<Topics> & {
  /** The running instances, in the order they started. */
  readonly instances: readonly Instance[];
  /** Where each instance listens, in the same order. */
  readonly urls: readonly string[];
  /** The first instance's url. */
  readonly url: string;
  /** Starts one more instance sharing the database, topics and group: a second replica. */
  startInstance(): Promise<Instance>;
  /** One producer on the test cluster (idempotent, never creating topics), connected on first use. */
  producer(): Promise<Producer>;
  /** A Given step: the request to the first instance, which must succeed; else it throws with status and body. */
  arrange(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonAnswer>;
  /** The When step: the request to the first instance, and its answer whatever the status, to assert on. */
  act(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<JsonAnswer>;
  /** Stops the instances, then the producer, then drops the database. Call it in `afterAll`. */
  stop(): Promise<void>;
};

/** What startTestService(app) resolves to, for a spec's `let app: TestServiceOf<typeof orderService>`. */
export type TestServiceOf<App> =
  App extends TestServiceApp<infer Topics, infer Instance, infer Extras>
    ? TestService<Topics, Instance> & Extras
    : never;

/**
 * The real service on a fresh database, its own copies of the topics and its own consumer
 * group, on free ports: what every app's integration specs start. The app describes itself
 * (its spec-helpers); the harness owns the order things start and stop in.
 */
export async function startTestService<Topics, Instance extends ServiceInstance, Extras extends object = object>(
  app: TestServiceApp<Topics, Instance, Extras>,
  options: TestServiceOptions = {},
): Promise<TestService<Topics, Instance> & Extras> {
  const { brokers } = await testCluster();
  const database = await testDatabase(app.databaseLabel);
  const clientId = `${app.name}-test`;
  const setup: TestServiceSetup<Topics> = {
    database,
    kafka: app.kafka(brokers, clientId),
    topics: app.topics(),
    groupId: uniqueGroupId(app.name),
  };
  const instances: Instance[] = [];
  let producer: Promise<Producer> | undefined;

  const startInstance = async () => {
    const instance = app.create({
      kafka: setup.kafka,
      topics: setup.topics,
      groupId: setup.groupId,
      port: 0,
      host: '127.0.0.1',
      pool: database.pool,
      logger: createLogger({ serviceName: app.name, level: 'silent' }),
    });
    // Kept before it starts: an instance that fails half-way still has clients to stop.
    instances.push(instance);
    await instance.start();
    return instance;
  };
  const connectProducer = async () => {
    const created = setup.kafka.producer({ idempotent: true, allowAutoTopicCreation: false });
    await created.connect();
    return created;
  };
  const firstUrl = () => {
    const [first] = instances;
    if (!first) throw new Error(`No instance of ${app.name} is running: start one with startInstance()`);
    return first.url;
  };

  const service: TestService<Topics, Instance> = {
    ...setup,
    instances,
    get urls() {
      return instances.map((instance) => instance.url);
    },
    get url() {
      return firstUrl();
    },
    startInstance,
    // One connect for all callers: concurrent sends must not use it half-connected.
    producer: () => (producer ??= connectProducer()),
    async arrange(method, path, body, headers) {
      const answer = await requestJson(`${firstUrl()}${path}`, method, body, headers);
      if (answer.status < 200 || answer.status > 299) {
        throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
      }
      return answer;
    },
    act: (method, path, body, headers) => requestJson(`${firstUrl()}${path}`, method, body, headers),
    async stop() {
      // The instances first, all at once (one by one, each would rebalance the group for the
      // rest): each leaves the group and ends its own clients. Then what they shared.
      const stopped = await Promise.allSettled(instances.map((instance) => instance.stop()));
      await (await producer?.catch(() => undefined))?.disconnect();
      await database.drop();
      const failed = stopped.find((result) => result.status === 'rejected');
      if (failed) throw failed.reason;
    },
  };

  try {
    await app.prepare?.(setup);
    for (let started = 0; started < (options.instances ?? 1); started += 1) await startInstance();
  } catch (error) {
    // The spec never gets the harness to stop: leave nothing behind.
    await service.stop().catch(() => undefined);
    throw error;
  }
  // The app's own helpers (e.g. publishing as another service would), built on the harness.
  return Object.assign(service, app.extras?.(service) ?? ({} as Extras));
}
