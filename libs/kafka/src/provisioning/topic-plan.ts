import { topicConfigEntries, type TopicSettings } from '@orderflow/events';

/** A topic as the cluster has it now. */
export type ExistingTopic = {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** The topic's config values, by name, as the broker reports them (strings). */
  readonly config: Readonly<Record<string, string>>;
};

/** One config entry whose value on the cluster is not the catalogue's. */
export type ConfigDrift = { readonly name: string; readonly wanted: string; readonly actual: string | undefined };

/** What provisioning does to an existing topic so it matches the catalogue. */
export type TopicPlan = {
  readonly name: string;
  /** The partition count to grow to, if the catalogue asks for more. */
  readonly growPartitionsTo: number | undefined;
  /** Config entries to set to the catalogue's values. */
  readonly configDrift: readonly ConfigDrift[];
  /** What cannot be fixed automatically; non-empty means provisioning must stop. */
  readonly problems: readonly string[];
};

/**
 * Compares a topic on the cluster with its catalogue settings. Fixable: too few partitions
 * (add some) and config values (set them). Not fixable here:
 * - more partitions than the catalogue: Kafka cannot remove partitions, and shrinking
 *   would move keys to other partitions and break their order;
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
  if (existing.replicationFactor !== wanted.replicationFactor) {
    problems.push(
      `topic ${wanted.name} has replication factor ${existing.replicationFactor}, the catalogue asks for ` +
        `${wanted.replicationFactor}; reassign its partitions (kafka-reassign-partitions.sh) or recreate the topic`,
    );
  }
  const configDrift = topicConfigEntries(wanted)
    .filter((entry) => existing.config[entry.name] !== entry.value)
    .map((entry) => ({ name: entry.name, wanted: entry.value, actual: existing.config[entry.name] }));
  return {
    name: wanted.name,
    growPartitionsTo: existing.partitions < wanted.partitions ? wanted.partitions : undefined,
    configDrift,
    problems,
  };
}
