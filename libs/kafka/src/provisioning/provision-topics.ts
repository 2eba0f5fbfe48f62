import { setTimeout as delay } from 'node:timers/promises';
import { allTopicSettings, topicConfigEntries, type TopicSettings } from '@orderflow/events';
import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import { silentLogger, type ServiceLogger } from '@orderflow/service';

// Not named ES exports of the CommonJS kafkajs module (Node's import sees only some names).
const { ConfigResourceTypes, ConfigSource } = kafkajs;
import { TopicProvisioningError } from '../errors/topic-provisioning-error.ts';
import { setTopicConfig } from './set-topic-config.ts';
import { keepTimeOf, type TopicKeepTime } from './topic-keep-time.ts';
import { planTopic, type ExistingTopic, type TopicPlan } from './topic-plan.ts';

export type ProvisionTopicsOptions = {
  readonly kafka: Kafka;
  /** The topics to provision. Default: the whole catalogue, dead-letter topics included. */
  readonly topics?: readonly TopicSettings[];
  readonly logger?: ServiceLogger;
  /** How long to wait for new topics and partitions to get leaders. Default 30 s. */
  readonly timeoutMs?: number;
};

/** What provisioning did, topic by topic. */
export type ProvisioningReport = {
  readonly created: readonly string[];
  readonly configUpdated: readonly { topic: string; names: readonly string[] }[];
  readonly unchanged: readonly string[];
  /** How long the cluster keeps each topic's records, with the catalogue's values set (the inbox keeps its rows as long). */
  readonly keepTimes: readonly TopicKeepTime[];
};

/**
 * Makes the cluster's topics match the catalogue: creates missing topics with their config,
 * verifies existing ones, sets config values where the catalogue asks, and throws
 * TopicProvisioningError (changing nothing) when a difference cannot be fixed automatically,
 * such as another partition count (see topic-plan.ts). Safe to run again, and by several services at once: every step first
 * looks at what is there, and losing a race to create a topic or add partitions is fine.
 */
export async function provisionTopics(options: ProvisionTopicsOptions): Promise<ProvisioningReport> {
  const wanted = options.topics ?? allTopicSettings();
  const logger = options.logger ?? silentLogger;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const admin = options.kafka.admin();
  await admin.connect();
  try {
    // Asked during a broker restart, the answer may be "leader election in progress": ask again.
    const onCluster = new Set(await retryWhileMetadataSpreads(() => admin.listTopics(), timeoutMs));
    const created: string[] = [];
    for (const topic of wanted.filter((candidate) => !onCluster.has(candidate.name))) {
      // One topic per request: kafkajs answers `false` when it already exists (another
      // service won the race), and only throws for real errors.
      const createdNow = await admin.createTopics({
        topics: [
          {
            topic: topic.name,
            numPartitions: topic.partitions,
            replicationFactor: topic.replicationFactor,
            configEntries: topicConfigEntries(topic),
          },
        ],
        // kafkajs's own wait asks one broker, whose metadata may lag; waitForLeaders below asks again until all agree.
        waitForLeaders: false,
      });
      if (createdNow) {
        created.push(topic.name);
        logger.info({ topic: topic.name, partitions: topic.partitions }, `created topic ${topic.name}`);
      }
    }
    await waitForLeaders(admin, wanted, timeoutMs);

    const described = await retryWhileMetadataSpreads(() => describeTopics(admin, wanted), timeoutMs);
    const plans = described.map(({ settings, existing }) => ({
      plan: planTopic(settings, existing),
      existing,
    }));
    const problems = plans.flatMap(({ plan }) => plan.problems);
    if (problems.length > 0) throw new TopicProvisioningError(problems);

    const configUpdated = await fixConfig(options.kafka, plans, logger);
    const changed = new Set([...created, ...configUpdated.map((c) => c.topic)]);
    // What the cluster has now: its values, with the catalogue's over them where it declares one.
    const keepTimes = described.map(({ settings, existing }) =>
      keepTimeOf(settings.name, { ...existing.config, ...configValues(settings) }),
    );
    return {
      created,
      configUpdated,
      unchanged: wanted.map((t) => t.name).filter((n) => !changed.has(n)),
      keepTimes,
    };
  } finally {
    await admin.disconnect();
  }
}

function configValues(settings: TopicSettings): Record<string, string> {
  return Object.fromEntries(topicConfigEntries(settings).map(({ name, value }) => [name, value]));
}

type Planned = { plan: TopicPlan; existing: ExistingTopic };

async function fixConfig(kafka: Kafka, plans: readonly Planned[], logger: ServiceLogger) {
  const updated: { topic: string; names: string[] }[] = [];
  for (const { plan, existing } of plans) {
    if (plan.configDrift.length === 0) continue;
    // Only the entries that drifted: anything else on the topic stays as it is.
    const entries = plan.configDrift.map(({ name, wanted }) => ({ name, value: wanted }));
    await setTopicConfig(kafka, plan.name, entries, existing.overrides);
    updated.push({ topic: plan.name, names: plan.configDrift.map((drift) => drift.name) });
    logger.warn({ topic: plan.name, drift: plan.configDrift }, `set config of ${plan.name} to the catalogue's values`);
  }
  return updated;
}

/** Partition counts and replication factors, from the cluster metadata. */
async function fetchPartitionCounts(admin: Admin, names: readonly string[]) {
  const { topics } = await admin.fetchTopicMetadata({ topics: [...names] });
  return topics.map((topic) => ({
    name: topic.name,
    partitions: topic.partitions.length,
    leadersKnown: topic.partitions.every((partition) => partition.leader >= 0),
    replicationFactor: Math.max(0, ...topic.partitions.map((partition) => partition.replicas.length)),
  }));
}

async function describeTopics(admin: Admin, wanted: readonly TopicSettings[]) {
  const counts = await fetchPartitionCounts(
    admin,
    wanted.map((topic) => topic.name),
  );
  const { resources } = await admin.describeConfigs({
    includeSynonyms: false,
    resources: wanted.map((topic) => ({ type: ConfigResourceTypes.TOPIC, name: topic.name })),
  });
  return wanted.map((settings) => {
    const count = counts.find((candidate) => candidate.name === settings.name);
    const resource = resources.find((candidate) => candidate.resourceName === settings.name);
    const entries = resource?.configEntries ?? [];
    const existing: ExistingTopic = {
      name: settings.name,
      partitions: count?.partitions ?? 0,
      replicationFactor: count?.replicationFactor ?? 0,
      config: Object.fromEntries(entries.map((entry) => [entry.configName, entry.configValue])),
      overrides: Object.fromEntries(
        entries
          .filter((entry) => entry.configSource === ConfigSource.TOPIC_CONFIG)
          .map((entry) => [entry.configName, entry.configValue]),
      ),
    };
    return { settings, existing };
  });
}

/**
 * Waits until the metadata shows every wanted topic, each partition with a leader. Metadata
 * spreads through the cluster asynchronously, so a topic created a moment ago may still be
 * unknown to the broker that answers; that is retried too.
 */
async function waitForLeaders(admin: Admin, wanted: readonly TopicSettings[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastProblem = '';
  for (;;) {
    try {
      const counts = await fetchPartitionCounts(
        admin,
        wanted.map((topic) => topic.name),
      );
      const waiting = wanted.filter((topic) => {
        const count = counts.find((candidate) => candidate.name === topic.name);
        const enough = count !== undefined && count.partitions >= 1;
        return !enough || !count.leadersKnown;
      });
      if (waiting.length === 0) return;
      lastProblem = `no leaders yet for ${waiting.map((topic) => topic.name).join(', ')}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for topic leaders: ${lastProblem}`);
    await delay(200);
  }
}

/**
 * Runs `read` again while it fails with a retriable error. Right after a topic is created,
 * a broker that has not caught up with the metadata yet answers "This server does not host
 * this topic-partition" (retriable), although another broker already showed the leaders.
 */
async function retryWhileMetadataSpreads<T>(read: () => Promise<T>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await read();
    } catch (error) {
      const retriable = typeof error === 'object' && error !== null && 'retriable' in error && error.retriable === true;
      if (!retriable || Date.now() > deadline) throw error;
      await delay(200);
    }
  }
}
