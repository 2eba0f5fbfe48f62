import { recordsPerSecond } from './topic-rates.ts';

describe('records per second on a partition', () => {
  it('is the growth of the end offset over the time between two readings', () => {
    expect(recordsPerSecond({ logEnd: '100', at: 1_000 }, { logEnd: '150', at: 1_500 })).toBe(100);
  });

  it('is unknown for the first reading', () => {
    expect(recordsPerSecond(undefined, { logEnd: '150', at: 1_500 })).toBeUndefined();
  });

  it('is 0, not negative, when the end offset went back (the topic was recreated)', () => {
    expect(recordsPerSecond({ logEnd: '100', at: 1_000 }, { logEnd: '3', at: 2_000 })).toBe(0);
  });
});
