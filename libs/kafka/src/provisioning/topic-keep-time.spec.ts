import { keepTimeOf } from './topic-keep-time.ts';

describe("a topic's keep time, from its config", () => {
  it('reads retention.ms and segment.ms; -1 is for ever', () => {
    expect(keepTimeOf('orders', { 'retention.ms': '604800000', 'segment.ms': '86400000' })).toEqual({
      topic: 'orders',
      retentionMs: 604_800_000,
      segmentMs: 86_400_000,
    });
    expect(keepTimeOf('ledger', { 'retention.ms': '-1', 'segment.ms': '604800000' }).retentionMs).toBeUndefined();
  });

  it('refuses a config without them, naming the topic', () => {
    expect(() => keepTimeOf('orders', { 'retention.ms': '604800000' })).toThrow(/orders.*segment\.ms/);
  });
});
