import type { BenchReport, BenchRow } from './bench-row.ts';

/** Row keys whose ratios the issue asks for: relay ÷ kafkajs, accepted ÷ kafkajs, kafkajs ÷ Java. */
export function ratiosOf(rows: readonly BenchRow[]): BenchReport['ratios'] {
  const value = (key: string) => rows.find((row) => row.key === key)?.value ?? Number.NaN;
  return [
    { name: 'outbox relay ÷ plain kafkajs', value: value('relay-drain') / value('kafkajs-producer') },
    { name: 'POST /orders accepted ÷ plain kafkajs', value: value('orders-accepted') / value('kafkajs-producer') },
    { name: 'plain kafkajs ÷ Java perf test', value: value('kafkajs-producer') / value('java-producer') },
  ];
}

/** A row's value as the table shows it: whole numbers, but a percentage of a core to 0.1. */
export const formatValue = (row: Pick<BenchRow, 'value' | 'unit'>) =>
  Number.isNaN(row.value)
    ? 'n/a'
    : row.unit === '%'
      ? `${row.value.toFixed(1)} %`
      : `${Math.round(row.value).toLocaleString('en-US')} ${row.unit}`;

/** The report as a markdown table, then the ratios, ready to paste into an issue note. */
export function markdownTable(report: BenchReport): string {
  const lines = [
    `bench ${report.mode} run, commit ${report.commit}, ${report.startedAt}`,
    '',
    '| # | measure | result | detail | target |',
    '|---|---|---|---|---|',
    ...report.rows.map(
      (row, index) =>
        `| ${index + 1} | ${row.measure} | ${formatValue(row)} | ${row.detail ?? ''} | ${row.target ?? ''} |`,
    ),
    '',
    '| ratio | value |',
    '|---|---|',
    ...report.ratios.map(
      (ratio) => `| ${ratio.name} | ${Number.isNaN(ratio.value) ? 'n/a' : `${(100 * ratio.value).toFixed(1)} %`} |`,
    ),
  ];
  return lines.join('\n');
}
