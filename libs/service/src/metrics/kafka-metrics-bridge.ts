import type { ServiceMetrics } from './create-metrics.ts';

/**
 * The hooks libs/kafka reports through (its `KafkaMetrics`, matched by shape so this library
 * needs no Kafka package), wired to the service's Prometheus metrics. libs/kafka's hooks carry
 * no event type, so these count under `event_type="all"`.
 */
export function kafkaMetricsFor(metrics: ServiceMetrics) {
  return {
    published: ({ topic }: { topic: string }, count: number) =>
      metrics.eventsProduced.inc({ topic, event_type: 'all' }, count),
    processed: ({ topic }: { topic: string }, durationMs: number) => {
      metrics.eventsConsumed.inc({ topic, event_type: 'all' });
      metrics.handlerDuration.observe({ topic, event_type: 'all', outcome: 'success' }, durationMs / 1000);
    },
    deadLettered: ({ topic }: { topic: string }) => metrics.eventsDeadLettered.inc({ topic, event_type: 'all' }),
    outboxPending: (count: number) => metrics.outboxBacklog.set(count),
  };
}
