// Shared set-up for the consumer integration tests: a fresh topic with its dead-letter
// topic, a quiet client, and runners with fast rebalances.
import { deadLetterTopic, type TopicDefinition } from '@orderflow/events';
import { testKafka, uniqueGroupId, uniqueOrdersTopic } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import {
  createConsumerRunner,
  type BatchHandler,
  type ConsumerRunner,
  type ConsumerRunnerOptions,
  type EventHandler,
} from '../consumer/consumer-runner.ts';
import type { RetryPolicy } from '../consumer/retry-policy.ts';
import { provisionTopics } from '../provisioning/provision-topics.ts';

export async function consumerFixture(label: string) {
  const kafka: Kafka = await testKafka(label);
  const topic = uniqueOrdersTopic(label);
  const groupId = uniqueGroupId(label);
  await provisionTopics({ kafka, topics: [topic, deadLetterTopic(topic, groupId)] });
  const runners: ConsumerRunner[] = [];
  type Handling = Pick<ConsumerRunnerOptions<typeof topic>, 'handler' | 'batchHandler'> &
    Partial<ConsumerRunnerOptions<typeof topic>>;
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
    } as ConsumerRunnerOptions<typeof topic>);
    runners.push(runner);
    await runner.start();
    return runner;
  }
  return {
    kafka,
    topic,
    groupId,
    deadLetterTopicName: deadLetterTopic(topic, groupId).name,
    /** A started runner in the fixture's group; stopped by `stopAll`. */
    startRunner(
      handler: EventHandler<typeof topic>,
      retry?: RetryPolicy,
      overrides: Partial<ConsumerRunnerOptions<typeof topic>> = {},
    ): Promise<ConsumerRunner> {
      return start({ handler, retry, ...overrides });
    },
    /** The same with a batch handler only, as the services run. */
    startBatchRunner(batchHandler: BatchHandler<typeof topic>, retry?: RetryPolicy): Promise<ConsumerRunner> {
      return start({ batchHandler, retry });
    },
    async stopAll(): Promise<void> {
      await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    },
  };
}
