import { topicConfigEntries, type TopicSettings } from '@orderflow/events';

/** A topic as the cluster has it now. */
export type ExistingTopic = {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The topic's config values, by name, as the broker reports them (strings). */
  readonly config: Readonly<Record<string, string>>;
  /**
   * The values set on the topic itself (not broker or Kafka defaults), e.g. by an operator's
   * `kafka-configs --alter`. Kept when provisioning sets the catalogue's values.
   */
  readonly overrides?: Readonly<Record<string, string>>;
};

/** One config entry whose value on the cluster is not the catalogue's. */
export type ConfigDrift = { readonly name: string; readonly wanted: string; readonly actual: string | undefined };

/** What provisioning does to an existing topic so it matches the catalogue. */
export type TopicPlan = {
  readonly name: string;
  /** Config entries to set to the catalogue's values. */
  readonly configDrift: readonly ConfigDrift[];
  /** What cannot be fixed automatically; non-empty means provisioning must stop. */
  readonly problems: readonly string[];
};

/**
 * Compares a topic on the cluster with its catalogue settings. Fixable: config values (set
 * them). Not fixable here:
 * - another partition count. Every topic of ours is keyed, and a key's partition is
 *   murmur2(key) modulo the count: change the count and a key's next events land on another
 *   partition than its earlier ones, so a consumer may handle them out of order. Kafka cannot
 *   remove partitions, and adding them is a migration an operator plans;
 * - another replication factor: changing it is a partition reassignment, an operator's job.
 */
export function planTopic(wanted: TopicSettings, existing: ExistingTopic): TopicPlan {
  const problems: string[] = [];
  if (existing.partitions > wanted.partitions) {
    problems.push(
      `topic ${wanted.name} has ${existing.partitions} partitions, the catalogue asks for ${wanted.partitions}; ` +
        'Kafka cannot remove partitions: raise the catalogue to ' +
        `${existing.partitions} or recreate the topic (its records are lost)`,
    );
  }
  if (existing.partitions < wanted.partitions) {
    problems.push(
      `topic ${wanted.name} has ${existing.partitions} partitions, the catalogue asks for ${wanted.partitions}; ` +
        "provisioning does not add partitions to a keyed topic: keys would move to other partitions, so a key's " +
        'new events could be handled before its earlier ones (a cancel before its order). To migrate: stop the ' +
        'writers, let every consumer group drain the topic (lag 0), add the partitions ' +
        `(kafka-topics --alter --topic ${wanted.name} --partitions ${wanted.partitions}), then start the writers again; ` +
        `or keep the catalogue at ${existing.partitions}`,
    );
  }
  if (existing.replicationFactor !== wanted.replicationFactor) {
    problems.push(
      `topic ${wanted.name} has replication factor ${existing.replicationFactor}, the catalogue asks for ` +
        `${wanted.replicationFactor}; reassign its partitions (kafka-reassign-partitions.sh) or recreate the topic`,
    );
  }
  const configDrift = topicConfigEntries(wanted)
    .filter((entry) => existing.config[entry.name] !== entry.value)
    .map((entry) => ({ name: entry.name, wanted: entry.value, actual: existing.config[entry.name] }));
  return { name: wanted.name, configDrift, problems };
}
