import type { ServiceMetrics } from '@orderflow/service';

/**
 * The hooks through which the producers of this library (the outbox relay, the event
 * producer) report what they publish; `kafkaMetricsFor` wires them to a service's Prometheus
 * metrics, a test may pass its own. (The consumer runner reports through its events instead:
 * consumer/runner-metrics.ts.)
 */
export type KafkaMetrics = {
  /** Records the producer published (the relay's batches included). */
  readonly published?: (labels: { topic: string }, count: number) => void;
  /** Outbox rows still waiting to be published, after each relay round. */
  readonly outboxPending?: (count: number) => void;
  /** An outbox row the broker refuses for ever, moved to the outbox's dead-letter table. */
  readonly outboxDeadLettered?: (labels: { topic: string; eventType: string }) => void;
};

/**
 * The producers' hooks on the service's metrics. A relay publishes rows of any event type in
 * one request, so these count under `event_type="all"`.
 */
export function kafkaMetricsFor(
  metrics: Pick<ServiceMetrics, 'eventsProduced' | 'outboxBacklog' | 'eventsDeadLettered'>,
): KafkaMetrics {
  return {
    published: ({ topic }, count) => metrics.eventsProduced.inc({ topic, event_type: 'all' }, count),
    outboxPending: (count) => metrics.outboxBacklog.set(count),
    outboxDeadLettered: ({ topic, eventType }) => metrics.eventsDeadLettered.inc({ topic, event_type: eventType }),
  };
}
