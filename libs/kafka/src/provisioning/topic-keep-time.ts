/** How long the cluster keeps a topic's records, from the topic's config as the brokers report it. */
export type TopicKeepTime = {
  readonly topic: string;
  /** `retention.ms`; undefined when the topic keeps its records for ever (-1). */
  readonly retentionMs: number | undefined;
  /** `segment.ms`: how often a partition's active segment rolls, at the latest. */
  readonly segmentMs: number;
};

/**
 * Reads `retention.ms` and `segment.ms` out of a topic's config values (strings, as
 * DescribeConfigs returns them, defaults included). Both are the topic's own values: an
 * operator's override or a broker default other than Kafka's (`log.roll.hours`) counts.
 */
export function keepTimeOf(topic: string, config: Readonly<Record<string, string>>): TopicKeepTime {
  const retentionMs = Number(config['retention.ms']);
  const segmentMs = Number(config['segment.ms']);
  if (!Number.isFinite(retentionMs) || !Number.isFinite(segmentMs)) {
    throw new Error(`topic ${topic}: the brokers reported no retention.ms or segment.ms`);
  }
  return { topic, retentionMs: retentionMs < 0 ? undefined : retentionMs, segmentMs };
}
