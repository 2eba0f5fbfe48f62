import type { RetentionRule } from '@orderflow/service';
import type { TopicKeepTime } from '../provisioning/topic-keep-time.ts';

/**
 * Inbox rows are kept as long as the event they stand for can still be delivered: the longest
 * `retention.ms` plus `segment.ms` of the topics read, as the cluster has them (read at start,
 * after provisioning; see provision-topics.ts). Kafka deletes whole segments, once the newest
 * record in a segment is past retention, so a record can outlive retention.ms by up to
 * segment.ms; a group that replays from the earliest offset within that time still finds the
 * inbox row and skips the event. After that the record is gone from Kafka, and so is any way
 * to deliver it twice.
 *
 * Undefined (no rule: rows are kept for ever) when a topic read keeps its records for ever.
 */
export function inboxRetention(topicsRead: readonly TopicKeepTime[]): RetentionRule | undefined {
  if (topicsRead.some((topic) => topic.retentionMs === undefined)) return undefined;
  const keepMs = Math.max(0, ...topicsRead.map((topic) => (topic.retentionMs ?? 0) + topic.segmentMs));
  return { name: 'inbox entries', table: 'kafka_inbox', timestampColumn: 'processed_at', keepMs };
}
