import { createMetrics } from '@orderflow/service';
import { createRunnerEvents } from './runner-events.ts';
import { countRunnerEvents } from './runner-metrics.ts';

const at = { topic: 'orders', partition: 0, offset: '7' };

async function sampleOf(metrics: ReturnType<typeof createMetrics>, name: string) {
  const metric = await metrics.registry.getSingleMetric(name)?.get();
  return (metric?.values ?? []).map((sample) => ({
    name: 'metricName' in sample && typeof sample.metricName === 'string' ? sample.metricName : name,
    labels: sample.labels,
    value: sample.value,
  }));
}

describe("a runner's Prometheus metrics, from its events", () => {
  it('times a batch once, and counts each of its records by its event type', async () => {
    const metrics = createMetrics({ serviceName: 'inventory-service' });
    const events = createRunnerEvents();
    countRunnerEvents(events, metrics);
    events.emit('batchHandled', {
      topic: 'orders',
      partition: 0,
      firstOffset: '7',
      records: 3,
      eventType: 'mixed',
      durationMs: 40,
      error: undefined,
    });
    events.emit('processed', { ...at, eventType: 'OrderPlacedEvent', durationMs: undefined });
    events.emit('processed', { ...at, offset: '8', eventType: 'OrderPlacedEvent', durationMs: undefined });
    events.emit('duplicate', { ...at, offset: '9', eventType: 'OrderCancelledEvent' });

    expect(await sampleOf(metrics, 'orderflow_events_consumed_total')).toEqual([
      {
        name: 'orderflow_events_consumed_total',
        labels: { topic: 'orders', event_type: 'OrderPlacedEvent' },
        value: 2,
      },
      {
        name: 'orderflow_events_consumed_total',
        labels: { topic: 'orders', event_type: 'OrderCancelledEvent' },
        value: 1,
      },
    ]);
    const timings = (await sampleOf(metrics, 'orderflow_handler_duration_seconds')).filter(({ name }) =>
      name.endsWith('_count'),
    );
    expect(timings).toEqual([
      {
        name: 'orderflow_handler_duration_seconds_count',
        labels: { topic: 'orders', event_type: 'mixed', outcome: 'success' },
        value: 1,
      },
    ]);
  });

  it('counts retries, outage waits and dead letters, and times a failed batch as a failure', async () => {
    const metrics = createMetrics({ serviceName: 'order-service' });
    const events = createRunnerEvents();
    countRunnerEvents(events, metrics);
    const error = new Error('lock timeout');
    events.emit('retried', { ...at, eventType: 'OrderPlacedEvent', attempt: 1, attempts: 5, delayMs: 300, error });
    events.emit('outageWait', { ...at, eventType: 'OrderPlacedEvent', delayMs: 500, error });
    events.emit('deadLettered', { ...at, eventType: 'unknown', attempts: 0, error, at: new Date() });
    events.emit('batchHandled', {
      topic: 'orders',
      partition: 0,
      firstOffset: '7',
      records: 2,
      eventType: 'OrderPlacedEvent',
      durationMs: 10,
      error,
    });

    expect(await sampleOf(metrics, 'orderflow_events_retried_total')).toEqual([
      { name: 'orderflow_events_retried_total', labels: { topic: 'orders', event_type: 'OrderPlacedEvent' }, value: 2 },
    ]);
    expect(await sampleOf(metrics, 'orderflow_events_dead_lettered_total')).toEqual([
      { name: 'orderflow_events_dead_lettered_total', labels: { topic: 'orders', event_type: 'unknown' }, value: 1 },
    ]);
    const failures = (await sampleOf(metrics, 'orderflow_handler_duration_seconds')).filter(
      ({ name, labels }) => name.endsWith('_count') && labels['outcome'] === 'failure',
    );
    expect(failures).toHaveLength(1);
  });

  it('gauges the stuck partitions by topic: up when one gets stuck, down when it moves', async () => {
    const metrics = createMetrics({ serviceName: 'inventory-service' });
    const events = createRunnerEvents();
    countRunnerEvents(events, metrics);
    const error = new Error('canceling statement due to statement timeout');
    events.emit('stuck', { ...at, eventType: 'OrderPlacedEvent', since: new Date(0), error });
    events.emit('stuck', { ...at, partition: 1, eventType: 'OrderPlacedEvent', since: new Date(0), error });
    expect(await sampleOf(metrics, 'orderflow_consumer_partitions_stuck')).toEqual([
      { name: 'orderflow_consumer_partitions_stuck', labels: { topic: 'orders' }, value: 2 },
    ]);
    events.emit('unstuck', { ...at, eventType: 'OrderPlacedEvent' });
    expect(await sampleOf(metrics, 'orderflow_consumer_partitions_stuck')).toEqual([
      { name: 'orderflow_consumer_partitions_stuck', labels: { topic: 'orders' }, value: 1 },
    ]);
  });
});
