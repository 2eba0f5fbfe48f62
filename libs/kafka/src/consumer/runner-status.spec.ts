import { createRunnerEvents } from './runner-events.ts';
import { initialStatus, reduceStatus, trackStatus, type RunnerEvent } from './runner-status.ts';

const at = { topic: 'orders', partition: 2, offset: '41' };
const fold = (events: RunnerEvent[]) => events.reduce(reduceStatus, initialStatus('inventory-service'));

describe("a runner's status, folded from its events", () => {
  it('counts records handled, skipped, retried and dead-lettered', () => {
    const failure = Object.assign(new Error('no such customer'), { code: 'unknown-customer' });
    const status = fold([
      { name: 'processed', data: { ...at, eventType: 'OrderPlacedEvent', durationMs: 12 } },
      { name: 'duplicate', data: { ...at, eventType: 'OrderPlacedEvent' } },
      {
        name: 'retried',
        data: { ...at, eventType: 'OrderPlacedEvent', attempt: 1, attempts: 5, delayMs: 300, error: failure },
      },
      {
        name: 'deadLettered',
        data: { ...at, eventType: 'OrderPlacedEvent', attempts: 2, error: failure, at: new Date(0) },
      },
    ]);
    expect(status).toMatchObject({ processed: 1, duplicates: 1, retried: 1, deadLettered: 1 });
    expect(status.lastError).toEqual({ code: 'unknown-customer', message: 'no such customer', at: new Date(0), ...at });
  });

  it('counts an outage wait as a retry and remembers why; a batch alone changes no counter', () => {
    const outage = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const status = fold([
      { name: 'outageWait', data: { ...at, eventType: 'OrderPlacedEvent', delayMs: 500, error: outage } },
      {
        name: 'batchHandled',
        data: {
          topic: 'orders',
          partition: 2,
          firstOffset: '41',
          records: 9,
          eventType: 'mixed',
          durationMs: 30,
          error: undefined,
        },
      },
    ]);
    expect(status).toMatchObject({ processed: 0, retried: 1, lastError: { code: 'ECONNREFUSED', offset: '41' } });
  });

  it('lists a stuck partition with why it waits, updates the reason, and drops it once it moves or the runner stops', () => {
    const timeout = Object.assign(new Error('canceling statement due to statement timeout'), { code: '57014' });
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const since = new Date(0);
    const stuck = fold([
      { name: 'outageWait', data: { ...at, eventType: 'OrderPlacedEvent', delayMs: 500, error: timeout } },
      { name: 'stuck', data: { ...at, eventType: 'OrderPlacedEvent', since, error: timeout } },
      { name: 'outageWait', data: { ...at, eventType: 'OrderPlacedEvent', delayMs: 500, error: refused } },
    ]);
    expect(stuck.stuck).toEqual([{ ...at, since, code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' }]);
    const moved = reduceStatus(stuck, { name: 'unstuck', data: { ...at, eventType: 'OrderPlacedEvent' } });
    expect(moved.stuck).toEqual([]);
    const stopped = reduceStatus(stuck, { name: 'stateChanged', data: { state: 'stopped', previous: 'stopping' } });
    expect(stopped.stuck).toEqual([]);
  });

  it('holds the assignment from a rebalance until the runner stops', () => {
    const joined = fold([
      { name: 'stateChanged', data: { state: 'starting', previous: 'stopped' } },
      { name: 'rebalanced', data: { memberId: 'm-1', assignment: { orders: [0, 3] }, isLeader: true } },
      { name: 'stateChanged', data: { state: 'running', previous: 'starting' } },
    ]);
    expect(joined).toMatchObject({ state: 'running', memberId: 'm-1', assignment: { orders: [0, 3] }, rebalances: 1 });
    const stopped = [
      { name: 'stateChanged', data: { state: 'stopping', previous: 'running' } },
      { name: 'stateChanged', data: { state: 'stopped', previous: 'stopping' } },
    ] as const satisfies RunnerEvent[];
    expect(stopped.reduce(reduceStatus, joined)).toMatchObject({
      state: 'stopped',
      memberId: '',
      assignment: {},
      rebalances: 1,
    });
  });

  it('is kept by trackStatus from the events as they are emitted', () => {
    const events = createRunnerEvents();
    const status = trackStatus(events, 'order-service');
    events.emit('crashed', { error: new Error('The coordinator is loading'), passing: true, at: new Date(0) });
    events.emit('processed', { ...at, eventType: 'StockReservedEvent', durationMs: undefined });
    expect(status()).toMatchObject({
      groupId: 'order-service',
      processed: 1,
      lastError: { code: 'Error', message: 'The coordinator is loading' },
    });
  });
});
