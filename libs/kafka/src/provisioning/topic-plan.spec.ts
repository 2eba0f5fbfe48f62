import { defaultTopicSettings, topicConfigEntries, type TopicSettings } from '@orderflow/events';
import { planTopic, type ExistingTopic } from './topic-plan.ts';

const wanted: TopicSettings = { ...defaultTopicSettings, name: 'payments' };
const asOnCluster = (changes: Partial<ExistingTopic> = {}): ExistingTopic => ({
  name: 'payments',
  partitions: 6,
  replicationFactor: 3,
  config: Object.fromEntries(topicConfigEntries(wanted).map((entry) => [entry.name, entry.value])),
  ...changes,
});

describe('planning the changes to an existing topic', () => {
  it('finds nothing to do when the topic matches the catalogue', () => {
    expect(planTopic(wanted, asOnCluster())).toEqual({ name: 'payments', configDrift: [], problems: [] });
  });

  it('never adds partitions to a keyed topic, saying what it would break and how to migrate', () => {
    expect(planTopic(wanted, asOnCluster({ partitions: 3 })).problems).toEqual([
      expect.stringMatching(
        /has 3 partitions, the catalogue asks for 6; provisioning does not add partitions to a keyed topic: keys would move .* To migrate: stop the writers, let every consumer group drain the topic/,
      ),
    ]);
  });

  it('sets config values that differ from the catalogue', () => {
    const config = { ...asOnCluster().config, 'min.insync.replicas': '1' };
    expect(planTopic(wanted, asOnCluster({ config })).configDrift).toEqual([
      { name: 'min.insync.replicas', wanted: '2', actual: '1' },
    ]);
  });

  it('refuses to shrink partitions or change the replication factor, saying why', () => {
    const plan = planTopic(wanted, asOnCluster({ partitions: 12, replicationFactor: 1 }));
    expect(plan.problems).toEqual([
      expect.stringContaining('has 12 partitions, the catalogue asks for 6; Kafka cannot remove partitions'),
      expect.stringContaining('has replication factor 1, the catalogue asks for 3'),
    ]);
  });
});
