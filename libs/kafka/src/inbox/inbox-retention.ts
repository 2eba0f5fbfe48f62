import { kafkaDefaultSegmentMs, type TopicSettings } from '@orderflow/events';
import type { RetentionRule } from '@orderflow/service';

/**
 * Inbox rows are kept as long as the event they stand for can still be delivered: the longest
 * `retention.ms` of the topics read, plus one segment roll. Kafka deletes whole segments, once
 * the newest record in a segment is past retention, so a record can outlive retention.ms by up
 * to segment.ms; a group that replays from the earliest offset within that time still finds
 * the inbox row and skips the event. After that the record is gone from Kafka, and so is any
 * way to deliver it twice.
 */
export function inboxRetention(topicsRead: readonly TopicSettings[]): RetentionRule {
  const longestRetentionMs = Math.max(0, ...topicsRead.map((topic) => topic.config['retention.ms']));
  return {
    name: 'inbox entries',
    table: 'kafka_inbox',
    timestampColumn: 'processed_at',
    keepMs: longestRetentionMs + kafkaDefaultSegmentMs,
  };
}
