import { defaultTopicSettings, topicConfigEntries, type TopicSettings } from '@orderflow/events';
import { describePartitions, testCluster, testKafka, uniqueTopicName, waitFor } from '@orderflow/testing';
import kafkajs, { type Kafka } from 'kafkajs';

const { ConfigResourceTypes } = kafkajs;
import { TopicProvisioningError } from '../errors/topic-provisioning-error.ts';
import { createKafkaClient } from '../client/kafka-client.ts';
import { provisionTopics } from './provision-topics.ts';
import { setTopicConfig } from './set-topic-config.ts';

const topicSettings = (changes: Partial<TopicSettings> = {}): TopicSettings => ({
  ...defaultTopicSettings,
  name: uniqueTopicName('provisioned'),
  ...changes,
});

async function topicConfig(kafka: Kafka, topic: string): Promise<Record<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic }],
    });
    return Object.fromEntries(
      (resources[0]?.configEntries ?? []).map((entry) => [entry.configName, entry.configValue]),
    );
  } finally {
    await admin.disconnect();
  }
}

/**
 * In KRaft the controller commits a config change and each broker applies it from the metadata
 * log a moment later; DescribeConfigs answers from the broker asked. So each step waits until
 * the change is what the brokers describe.
 */
function configReads(kafka: Kafka, topic: string, expected: Record<string, string>) {
  return waitFor(
    async () => {
      expect(await topicConfig(kafka, topic)).toMatchObject(expected);
      return true;
    },
    { description: `${topic}'s config to read ${JSON.stringify(expected)}`, timeoutMs: 10_000 },
  );
}

/** An operator's `kafka-configs --alter`: the catalogue's values, and one of the operator's own. */
async function operatorSetsConfig(kafka: Kafka, topic: TopicSettings, entry: { name: string; value: string }) {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.alterConfigs({
      validateOnly: false,
      resources: [
        { type: ConfigResourceTypes.TOPIC, name: topic.name, configEntries: [...topicConfigEntries(topic), entry] },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}

describe('topic provisioning', () => {
  let kafka: Kafka;
  beforeAll(async () => {
    kafka = await testKafka('provision-topics-spec');
  });

  it('creates missing topics with their partitions, replication and config, and changes nothing on a second run', async () => {
    const topic = topicSettings({ config: { ...defaultTopicSettings.config, 'retention.ms': 3_600_000 } });
    const deadLetter = topicSettings({ name: `${topic.name}.some-group.dlt`, partitions: 3 });

    const first = await provisionTopics({ kafka, topics: [topic, deadLetter] });
    const second = await provisionTopics({ kafka, topics: [topic, deadLetter] });

    expect(first.created).toEqual([topic.name, deadLetter.name]);
    expect(second).toMatchObject({ created: [], configUpdated: [], unchanged: [topic.name, deadLetter.name] });
    const partitions = await describePartitions(kafka, topic.name);
    expect(partitions).toHaveLength(6);
    expect(partitions.every((partition) => partition.replicas.length === 3 && partition.leader >= 0)).toBe(true);
    expect(await describePartitions(kafka, deadLetter.name)).toHaveLength(3);
    expect(await topicConfig(kafka, topic.name)).toMatchObject({
      'min.insync.replicas': '2',
      'retention.ms': '3600000',
      'cleanup.policy': 'delete',
      'message.timestamp.type': 'CreateTime',
    });
  });

  it('is safe when several services provision the same topics at once', async () => {
    const topic = topicSettings();
    const reports = await Promise.all([1, 2, 3].map(() => provisionTopics({ kafka, topics: [topic] })));
    expect(reports.flatMap((report) => report.created)).toEqual([topic.name]);
    expect(await describePartitions(kafka, topic.name)).toHaveLength(6);
  });

  it("restores the catalogue's config values and keeps the settings the catalogue does not declare", async () => {
    const topic = topicSettings({ config: { ...defaultTopicSettings.config, 'min.insync.replicas': 1 } });
    await provisionTopics({ kafka, topics: [topic] });
    // An operator's own setting, which the catalogue knows nothing of.
    await operatorSetsConfig(kafka, topic, { name: 'segment.bytes', value: '8388608' });
    const configIs = (expected: Record<string, string>) => configReads(kafka, topic.name, expected);
    await configIs({ 'segment.bytes': '8388608' });

    const report = await provisionTopics({ kafka, topics: [{ ...topic, config: defaultTopicSettings.config }] });

    expect(report.configUpdated).toEqual([{ topic: topic.name, names: ['min.insync.replicas'] }]);
    await configIs({ 'min.insync.replicas': '2', 'segment.bytes': '8388608' });
  });

  it("sets only the entries it changes: an operator's change made after the config was read survives", async () => {
    // The service's own client: provisioning then speaks IncrementalAlterConfigs.
    const { brokers } = await testCluster();
    const serviceKafka = createKafkaClient({ brokers, clientId: 'provision-topics-spec' });
    const topic = topicSettings({ config: { ...defaultTopicSettings.config, 'min.insync.replicas': 1 } });
    await provisionTopics({ kafka, topics: [topic] });
    const configReadBefore = await topicConfig(kafka, topic.name);
    await operatorSetsConfig(kafka, topic, { name: 'segment.bytes', value: '8388608' });
    await configReads(kafka, topic.name, { 'segment.bytes': '8388608' });

    await setTopicConfig(serviceKafka, topic.name, [{ name: 'min.insync.replicas', value: '2' }], configReadBefore);

    await configReads(kafka, topic.name, { 'min.insync.replicas': '2', 'segment.bytes': '8388608' });
  });

  it("reports how long the cluster keeps each topic's records, an operator's segment.ms included", async () => {
    const dayMs = 86_400_000;
    const topic = topicSettings({ config: { ...defaultTopicSettings.config, 'retention.ms': 2 * dayMs } });
    const forever = topicSettings({ config: { ...defaultTopicSettings.config, 'retention.ms': -1 } });
    const created = await provisionTopics({ kafka, topics: [topic, forever] });
    // Kafka's default segment.ms (7 days) until someone sets another.
    expect(created.keepTimes).toEqual([
      { topic: topic.name, retentionMs: 2 * dayMs, segmentMs: 7 * dayMs },
      { topic: forever.name, retentionMs: undefined, segmentMs: 7 * dayMs },
    ]);

    await operatorSetsConfig(kafka, topic, { name: 'segment.ms', value: String(dayMs) });
    const report = await waitFor(
      async () => {
        const again = await provisionTopics({ kafka, topics: [topic] });
        expect(again.keepTimes).toEqual([{ topic: topic.name, retentionMs: 2 * dayMs, segmentMs: dayMs }]);
        return again;
      },
      { description: `${topic.name}'s segment.ms to read one day`, timeoutMs: 10_000 },
    );
    expect(report.configUpdated).toEqual([]);
  });

  it('never adds partitions to a keyed topic: refuses, saying why and how to migrate, and changes nothing', async () => {
    const topic = topicSettings({ partitions: 3 });
    await provisionTopics({ kafka, topics: [topic] });

    const refused = await provisionTopics({ kafka, topics: [{ ...topic, partitions: 6 }] }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(TopicProvisioningError);
    expect((refused as Error).message).toContain(
      `topic ${topic.name} has 3 partitions, the catalogue asks for 6; provisioning does not add partitions to a keyed topic`,
    );
    expect((refused as Error).message).toContain('To migrate: stop the writers');
    expect(await describePartitions(kafka, topic.name)).toHaveLength(3);
  });

  it('refuses, with a clear message and no changes, fewer partitions or another replication factor', async () => {
    const topic = topicSettings({ replicationFactor: 2 });
    await provisionTopics({ kafka, topics: [topic] });

    const refused = await provisionTopics({ kafka, topics: [{ ...topic, partitions: 3, replicationFactor: 3 }] }).catch(
      (error: unknown) => error,
    );

    expect(refused).toBeInstanceOf(TopicProvisioningError);
    expect(refused).toMatchObject({ code: 'topic-mismatch', retriable: false });
    expect((refused as Error).message).toContain(`topic ${topic.name} has 6 partitions, the catalogue asks for 3`);
    expect((refused as Error).message).toContain(
      `topic ${topic.name} has replication factor 2, the catalogue asks for 3`,
    );
    expect(await describePartitions(kafka, topic.name)).toHaveLength(6);
  });
});
