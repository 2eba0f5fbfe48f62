import type { ServiceMetrics } from '@orderflow/service';
import type { RecordPosition, RunnerEventEmitter } from './runner-events.ts';

/** The Prometheus metrics a consumer runner moves. */
export type RunnerMetrics = Pick<
  ServiceMetrics,
  'eventsConsumed' | 'eventsRetried' | 'eventsDeadLettered' | 'handlerDuration' | 'consumerPartitionsStuck'
>;

/**
 * A runner's Prometheus metrics, fed by its events: records consumed (handled or skipped as a
 * duplicate), retried and dead-lettered, by topic and event type; the handlers' time, once per
 * record handled on its own and once per batch, by outcome; the partitions stuck behind a
 * record that keeps waiting, by topic (a gauge: alert on > 0).
 */
export function countRunnerEvents(events: RunnerEventEmitter, metrics: RunnerMetrics): void {
  const seconds = (ms: number) => ms / 1000;
  events.on('processed', ({ topic, eventType, durationMs }) => {
    metrics.eventsConsumed.inc({ topic, event_type: eventType });
    if (durationMs !== undefined)
      metrics.handlerDuration.observe({ topic, event_type: eventType, outcome: 'success' }, seconds(durationMs));
  });
  events.on('duplicate', ({ topic, eventType }) => metrics.eventsConsumed.inc({ topic, event_type: eventType }));
  const retried = ({ topic, eventType }: RecordPosition & { eventType: string }) =>
    metrics.eventsRetried.inc({ topic, event_type: eventType });
  events.on('retried', retried);
  events.on('outageWait', retried);
  events.on('stuck', ({ topic }) => metrics.consumerPartitionsStuck.inc({ topic }));
  events.on('unstuck', ({ topic }) => metrics.consumerPartitionsStuck.dec({ topic }));
  events.on('deadLettered', ({ topic, eventType }) => metrics.eventsDeadLettered.inc({ topic, event_type: eventType }));
  events.on('batchHandled', ({ topic, eventType, durationMs, error }) =>
    metrics.handlerDuration.observe(
      { topic, event_type: eventType, outcome: error === undefined ? 'success' : 'failure' },
      seconds(durationMs),
    ),
  );
}
