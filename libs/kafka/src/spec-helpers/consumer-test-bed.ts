// The set-up of the consumer and inbox integration tests: a fresh topic with its dead-letter
// topic, a quiet client, a started producer, runners with fast rebalances and, for the inbox,
// a fresh database. One stop() ends them all.
import { deadLetterTopic, type TopicDefinition } from '@orderflow/events';
import { testDatabase, testKafka, uniqueGroupId, uniqueOrdersTopic, type TestDatabase } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import {
  createConsumerRunner,
  type BatchHandler,
  type ConsumerRunner,
  type ConsumerRunnerOptions,
  type EventHandler,
} from '../consumer/consumer-runner.ts';
import type { RetryPolicy } from '../consumer/retry-policy.ts';
import { migrateKafkaTables } from '../database/kafka-migrations.ts';
import { createEventProducer, type EventProducer } from '../producer/event-producer.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';

type Topic = ReturnType<typeof uniqueOrdersTopic>;

export type ConsumerTestBed = {
  readonly kafka: Kafka;
  readonly topic: Topic;
  readonly groupId: string;
  readonly deadLetterTopicName: string;
  /** Started: publishes as a service's outbox relay would. */
  readonly producer: EventProducer;
  /** A started runner in the bed's group. */
  startRunner(
    handler: EventHandler<Topic>,
    retry?: RetryPolicy,
    overrides?: Partial<ConsumerRunnerOptions<Topic>>,
  ): Promise<ConsumerRunner>;
  /** The same with a batch handler only, as the services run. */
  startBatchRunner(batchHandler: BatchHandler<Topic>, retry?: RetryPolicy): Promise<ConsumerRunner>;
  /** Stops the runners, then the producer, then drops the database if there is one. */
  stop(): Promise<void>;
};

/** The bed of an inbox test: a database with the inbox tables and the table of the handler's effects. */
export type InboxTestBed = ConsumerTestBed & { readonly db: TestDatabase };

export async function consumerTestBed(label: string): Promise<ConsumerTestBed>;
/** `inbox`: the CREATE TABLE statement for what the test's handler writes. */
export async function consumerTestBed(label: string, options: { inbox: string }): Promise<InboxTestBed>;
export async function consumerTestBed(label: string, options: { inbox?: string } = {}): Promise<ConsumerTestBed> {
  const db = options.inbox === undefined ? undefined : await inboxDatabase(label, options.inbox);
  const kafka = await testKafka(label);
  const topic = uniqueOrdersTopic(label);
  const groupId = uniqueGroupId(label);
  await provisionTopics({ kafka, topics: [topic, deadLetterTopic(topic, groupId)] });
  const producer = createEventProducer({ kafka });
  await producer.start();
  const runners: ConsumerRunner[] = [];

  type Handling = Pick<ConsumerRunnerOptions<Topic>, 'handler' | 'batchHandler'> &
    Partial<ConsumerRunnerOptions<Topic>>;
  async function start(handling: Handling): Promise<ConsumerRunner> {
    const runner = createConsumerRunner({
      kafka,
      groupId,
      topics: [topic] as TopicDefinition<typeof topic.events>[],
      // Fast rebalances: a member notices one at its next heartbeat.
      sessionTimeoutMs: 10_000,
      heartbeatIntervalMs: 500,
      handlerTimeoutMs: 5_000,
      ...handling,
    } as ConsumerRunnerOptions<Topic>);
    runners.push(runner);
    await runner.start();
    return runner;
  }

  return {
    ...(db && { db }),
    kafka,
    topic,
    groupId,
    deadLetterTopicName: deadLetterTopic(topic, groupId).name,
    producer,
    startRunner: (handler, retry, overrides = {}) => start({ handler, retry, ...overrides }),
    startBatchRunner: (batchHandler, retry) => start({ batchHandler, retry }),
    async stop() {
      // The runners first: a handler may still write to the database or publish.
      await Promise.all(runners.splice(0).map((runner) => runner.stop()));
      await producer.stop();
      await db?.drop();
    },
  };
}

async function inboxDatabase(label: string, effectsTable: string): Promise<TestDatabase> {
  const db = await testDatabase(label);
  await migrateKafkaTables(db.pool);
  await db.pool.query(effectsTable);
  return db;
}
