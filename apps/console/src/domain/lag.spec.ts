import { lagOf } from './lag.ts';

describe('the lag of a group on a partition', () => {
  it('is the log end offset minus the committed offset', () => {
    expect(lagOf('40', '0', '42')).toBe(2);
  });

  it('is 0 when the group has read everything', () => {
    expect(lagOf('42', '0', '42')).toBe(0);
  });

  it('is unknown, not -1, when the group has committed nothing', () => {
    expect(lagOf('-1', '0', '42')).toBeUndefined();
    expect(lagOf(undefined, '0', '42')).toBeUndefined();
  });

  it('counts from the log start when retention deleted the records behind the committed offset', () => {
    expect(lagOf('5', '30', '42')).toBe(12);
  });

  it('stays exact past 2^53', () => {
    expect(lagOf('9007199254740993', '0', '9007199254740995')).toBe(2);
  });
});
