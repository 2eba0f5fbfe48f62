import type { KafkaMetrics } from '@orderflow/kafka';
import type { ServiceMetrics } from '@orderflow/service';

/**
 * libs/kafka reports through hooks without event types; the service's counters want an
 * `event_type` label, so these count under `event_type="all"`.
 */
export function kafkaMetricsFor(metrics: ServiceMetrics): KafkaMetrics {
  return {
    published: ({ topic }, count) => metrics.eventsProduced.inc({ topic, event_type: 'all' }, count),
    processed: ({ topic }, durationMs) => {
      metrics.eventsConsumed.inc({ topic, event_type: 'all' });
      metrics.handlerDuration.observe({ topic, event_type: 'all', outcome: 'success' }, durationMs / 1000);
    },
    deadLettered: ({ topic }) => metrics.eventsDeadLettered.inc({ topic, event_type: 'all' }),
    outboxPending: (count) => metrics.outboxBacklog.set(count),
  };
}
