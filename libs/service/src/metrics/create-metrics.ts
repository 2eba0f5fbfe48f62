import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Labels of the event metrics: the topic and the event type (`OrderPlacedEvent`, or `unknown` when undecodable). */
type EventLabels = 'topic' | 'event_type';

/**
 * The metrics of one service, in its own registry (served at /metrics). libs/kafka counts
 * events here; the HTTP shell counts requests. All names start with `orderflow_`.
 */
export interface ServiceMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  readonly eventsProduced: Counter<EventLabels>;
  readonly eventsConsumed: Counter<EventLabels>;
  readonly eventsDeadLettered: Counter<EventLabels>;
  /** Handler attempts that failed and were tried again, outage waits included. */
  readonly eventsRetried: Counter<EventLabels>;
  /** Events refused because they are older than the state they would change (a replayed dead letter, say). */
  readonly eventsStale: Counter<EventLabels>;
  /** Outbox rows written but not yet published: grows while Kafka is unreachable. */
  readonly outboxBacklog: Gauge;
  /** Partitions whose record has waited past the consumer's stuck bound, by topic: alert on > 0. */
  readonly consumerPartitionsStuck: Gauge<'topic'>;
  /**
   * Time a message handler took, by outcome `success` or `failure`: once per record handled
   * on its own, once per batch (event type `mixed` when its records have several).
   */
  readonly handlerDuration: Histogram<EventLabels | 'outcome'>;
}

// Seconds, from 5 ms (a cached lookup) to 10 s (a stuck dependency).
const latencyBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export function createMetrics({ serviceName }: { serviceName: string }): ServiceMetrics {
  // A registry per service (not prom-client's global one): tests build many services in one process.
  const registry = new Registry();
  registry.setDefaultLabels({ service: serviceName });
  // Process metrics: CPU, memory, event loop lag, GC.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    httpRequests: new Counter({
      name: 'orderflow_http_requests_total',
      help: 'HTTP requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'orderflow_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'],
      buckets: latencyBuckets,
      registers,
    }),
    eventsProduced: new Counter({
      name: 'orderflow_events_produced_total',
      help: 'Events acknowledged by the brokers, by topic and event type.',
      labelNames: ['topic', 'event_type'],
      registers,
    }),
    eventsConsumed: new Counter({
      name: 'orderflow_events_consumed_total',
      help: 'Events handled and committed, by topic and event type.',
      labelNames: ['topic', 'event_type'],
      registers,
    }),
    eventsDeadLettered: new Counter({
      name: 'orderflow_events_dead_lettered_total',
      help: 'Records sent to a dead-letter topic, by source topic and event type.',
      labelNames: ['topic', 'event_type'],
      registers,
    }),
    eventsRetried: new Counter({
      name: 'orderflow_events_retried_total',
      help: 'Handler attempts that failed and were tried again (outage waits included), by topic and event type.',
      labelNames: ['topic', 'event_type'],
      registers,
    }),
    eventsStale: new Counter({
      name: 'orderflow_events_stale_total',
      help: 'Events acknowledged without effect because they are older than the state they would change, by topic and event type.',
      labelNames: ['topic', 'event_type'],
      registers,
    }),
    outboxBacklog: new Gauge({
      name: 'orderflow_outbox_backlog',
      help: 'Outbox rows not yet published to Kafka.',
      registers,
    }),
    consumerPartitionsStuck: new Gauge({
      name: 'orderflow_consumer_partitions_stuck',
      help: 'Partitions held up by a record that has waited past the stuck bound (a held lock, a long outage), by topic.',
      labelNames: ['topic'],
      registers,
    }),
    handlerDuration: new Histogram({
      name: 'orderflow_handler_duration_seconds',
      help: 'Time a message handler took, by topic, event type and outcome.',
      labelNames: ['topic', 'event_type', 'outcome'],
      buckets: latencyBuckets,
      registers,
    }),
  };
}
