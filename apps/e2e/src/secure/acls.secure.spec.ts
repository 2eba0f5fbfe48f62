import { randomUUID } from 'node:crypto';
import { accessPlan, serviceRules, topics, type ServiceName } from '@orderflow/events';
import { aclBindingsOf, type LocalKafkaCluster } from '@orderflow/kafka-cluster';
import { waitFor } from '@orderflow/testing';
import kafkajs, { logLevel, type Admin, type Consumer, type LogEntry } from 'kafkajs';
import { kafkaErrorType } from '@orderflow/kafka';
import { kafkaAs, securedCluster } from './secured-cluster.ts';

const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

// Per-service ACLs, enforced by the brokers: each principal of the access plan (derived from
// the topic catalogue) can do its job, and nothing else. Every refusal is checked beside a
// positive control, so a test cannot pass because nothing works at all.

const services: readonly ServiceName[] = ['order-service', 'inventory-service', 'notification-service'];
const catalogueTopics = Object.values(topics).map((topic) => topic.name);

/** The topics `service` may write (its own and its dead-letter topics), from the access plan. */
const writableBy = (service: ServiceName) =>
  serviceRules(service)
    .filter((rule) => rule.operations.includes('Write'))
    .map((rule) => rule.resource.name);

describe('the secured cluster enforces each service’s ACLs', () => {
  let cluster: LocalKafkaCluster;
  let admin: Admin;
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    cluster = await securedCluster();
    admin = kafkaAs(cluster, 'admin').admin();
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
    await admin?.disconnect();
  });

  /** The sum of a topic's end offsets: it moves only when a write succeeded. */
  const endOffsets = async (topic: string) =>
    (await admin.fetchTopicOffsets(topic)).reduce((sum, partition) => sum + Number(partition.high), 0);

  async function write(user: string, topic: string): Promise<void> {
    const producer = kafkaAs(cluster, user).producer({ idempotent: true, allowAutoTopicCreation: false });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages: [{ key: 'secure-spec', value: `written by ${user}` }] });
    } finally {
      await producer.disconnect();
    }
  }

  /** Joins `groupId` as `user` and reads `topic` from the start: the first record, or the error that stopped it. */
  async function read(
    user: string,
    groupId: string,
    topic: string,
  ): Promise<{ value?: string; error?: unknown; brokerErrors: string[] }> {
    // What the brokers answered, as kafkajs logs it: some refusals reach the caller only there.
    const brokerErrors: string[] = [];
    const logCreator = () => (entry: LogEntry) => {
      const { error } = entry.log as { error?: unknown };
      if (typeof error === 'string') brokerErrors.push(error);
    };
    // The client's usual retries ride out a coordinator that is still moving; a refusal is never retried.
    const kafka = kafkaAs(cluster, user, {
      logLevel: logLevel.ERROR,
      logCreator,
      retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 1_000 },
    });
    const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
    consumers.push(consumer);
    let outcome: { value?: string; error?: unknown } | undefined;
    // A crash on a retriable error (a coordinator still loading its group) restarts the consumer
    // by itself; only a crash it will not restart from is the outcome.
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) outcome ??= { error: payload.error };
    });
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => void (outcome ??= { value: message.value?.toString() ?? '' }),
      });
      return {
        ...(await waitFor(async () => outcome, {
          description: `${user} to read ${topic} in group ${groupId}, or be refused`,
          timeoutMs: 60_000,
        })),
        brokerErrors,
      };
    } catch (error) {
      return { error, brokerErrors };
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
  }

  it('holds exactly the ACLs of the access plan, derived from the topic catalogue', async () => {
    const { resources } = await admin.describeAcls({
      resourceType: AclResourceTypes.ANY,
      resourcePatternType: ResourcePatternTypes.ANY,
      operation: AclOperationTypes.ANY,
      permissionType: AclPermissionTypes.ANY,
    });
    const onCluster = resources.flatMap((resource) =>
      resource.acls.map(
        (acl) =>
          `${acl.principal} ${resource.resourceType}:${resource.resourceName}:${resource.resourcePatternType} ${acl.operation} ${acl.permissionType}`,
      ),
    );
    const planned = accessPlan()
      .flatMap(aclBindingsOf)
      .map(
        (acl) =>
          `${acl.principal} ${acl.resourceType}:${acl.resourceName}:${acl.resourcePatternType} ${acl.operation} ${acl.permissionType}`,
      );
    expect(onCluster.sort()).toEqual(planned.sort());
  });

  it.each(services)('lets %s write its own topics and its dead-letter topics', async (service) => {
    for (const topic of writableBy(service)) {
      const before = await endOffsets(topic);
      await write(service, topic);
      expect(await endOffsets(topic)).toBe(before + 1);
    }
  });

  it.each(
    services.flatMap((service) =>
      catalogueTopics.filter((topic) => !writableBy(service).includes(topic)).map((topic) => [service, topic] as const),
    ),
  )('refuses %s a write to %s, which it does not own, and the topic does not move', async (service, topic) => {
    const before = await endOffsets(topic);
    // kafkajs says it one of two ways: the protocol error itself, or a non-retriable error caused by it.
    const refusal = await write(service, topic).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(kafkaErrorType(refusal)).toBe('TOPIC_AUTHORIZATION_FAILED');
    expect(await endOffsets(topic)).toBe(before);
  });

  it.each(
    Object.values(topics).flatMap((topic) =>
      topic.readers.map((reader) => [reader, topic.name, topic.writer] as const),
    ),
  )('lets %s read %s, written by %s, in its own consumer group', async (reader, topic, writer) => {
    await write(writer, topic);
    const { value, error } = await read(reader, reader, topic);
    expect(error).toBeUndefined();
    expect(value).toMatch(/^written by /);
  });

  it('refuses a service a topic it does not read, even in its own group', async () => {
    // order-service owns `orders` (Write) but does not consume it: no Read.
    const { error } = await read('order-service', 'order-service', topics.orders.name);
    expect(kafkaErrorType(error)).toBe('TOPIC_AUTHORIZATION_FAILED');
  });

  it('refuses a service another service’s consumer group', async () => {
    const { error, brokerErrors } = await read('notification-service', 'inventory-service', topics.orders.name);
    // The broker answers FindCoordinator with GROUP_AUTHORIZATION_FAILED; kafkajs 2.2.4 drops that
    // answer and crashes with "Failed to find group coordinator" (tulios/kafkajs#1654, open).
    expect(brokerErrors).toContain('Not authorized to access group: Group authorization failed');
    expect(error).toMatchObject({ name: 'KafkaJSGroupCoordinatorNotFound' });
  });

  it('lets the console read every topic in a group of its own prefix, and write none', async () => {
    await write('inventory-service', topics.inventory.name);
    const { value, error } = await read('console', `orderflow-console-${randomUUID()}`, topics.inventory.name);
    expect(error).toBeUndefined();
    expect(value).toMatch(/^written by /);
    const before = await endOffsets(topics.orders.name);
    // Refused before any topic is named: an idempotent producer first asks for a producer id,
    // which needs Write on some topic (KIP-679), and the console has none.
    const refusal = await write('console', topics.orders.name).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(kafkaErrorType(refusal)).toBe('CLUSTER_AUTHORIZATION_FAILED');
    expect(await endOffsets(topics.orders.name)).toBe(before);
  });

  it('refuses a client that speaks plaintext to the secured listener', async () => {
    const plaintext = kafkaAs(cluster, 'admin', {
      ssl: false,
      sasl: undefined,
      retry: { retries: 0 },
      connectionTimeout: 3_000,
    }).admin();
    await expect(plaintext.connect().then(() => plaintext.listTopics())).rejects.toThrow();
    await plaintext.disconnect();
  });
});
