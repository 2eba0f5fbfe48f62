import type { BenchRow } from './bench-row.ts';
import { markdownTable, ratiosOf } from './report-table.ts';

const row = (key: string, value: number): BenchRow => ({ key, measure: key, value, unit: 'records/s' });

describe('the bench table', () => {
  it('divides relay and accepted orders by plain kafkajs, and kafkajs by the Java perf test', () => {
    const ratios = ratiosOf([
      row('java-producer', 40_000),
      row('kafkajs-producer', 20_000),
      row('relay-drain', 10_000),
      row('orders-accepted', 2_000),
    ]);
    expect(ratios.map((ratio) => ratio.value)).toEqual([0.5, 0.1, 0.5]);
  });

  it('prints a missing measure as n/a instead of a number', () => {
    const report = {
      startedAt: 'now',
      commit: 'abc',
      mode: 'smoke' as const,
      rows: [row('failover', Number.NaN)],
      ratios: ratiosOf([]),
    };
    expect(markdownTable(report)).toContain('| 1 | failover | n/a |');
  });

  it('prints rates whole and a share of a core to a tenth of a percent', () => {
    const report = {
      startedAt: 'now',
      commit: 'abc',
      mode: 'smoke' as const,
      rows: [row('relay-drain', 7218.6), { ...row('console-idle', 0.44), unit: '%' }],
      ratios: [],
    };
    expect(markdownTable(report)).toContain('| 1 | relay-drain | 7,219 records/s |');
    expect(markdownTable(report)).toContain('| 2 | console-idle | 0.4 % |');
  });
});
