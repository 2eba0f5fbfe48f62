import { LocalKafkaCluster, testProfile } from '@orderflow/kafka-cluster';
import { testCluster } from '@orderflow/testing';
import { markdownTable } from './report-table.ts';
import { runBench } from './run-bench.ts';
import { smokeBench } from './bench-settings.ts';

// Every row of the table, in order. The smoke proves each measure runs end to end on
// the real system (so the bench cannot rot); it asserts no targets: seconds of load say nothing.
const expectedRows = [
  'time-to-ready',
  'java-producer',
  'kafkajs-producer',
  'relay-drain',
  'drain-inventory-service',
  'drain-notification-service',
  'drain-order-service',
  'orders-accepted',
  'flow-sustained',
  'latency-20',
  'failover',
  'console-idle',
  'console-load',
];

describe('npm run bench --smoke', () => {
  it('measures every row of the table on the real system and prints it with the ratios', async () => {
    const { brokers } = await testCluster();
    // The failover row SIGKILLs a broker: it needs the local cluster's processes, npm test's
    // (ORDERFLOW_KAFKA_PROFILE) or, run alone, the test profile's that testCluster() started.
    const profile =
      process.env['ORDERFLOW_KAFKA_PROFILE'] ?? (process.env['KAFKA_BROKERS'] ? undefined : testProfile());
    const local = profile ? new LocalKafkaCluster({ profile }) : undefined;
    const lines: string[] = [];
    const report = await runBench({
      brokers,
      cluster: local,
      settings: smokeBench,
      mode: 'smoke',
      log: (line) => lines.push(line),
    });
    // The numbers, for whoever reads CI's output (they prove nothing: seconds of load on a busy machine).
    console.log(lines.join('\n'));

    expect(report.rows.map((row) => row.key)).toEqual(expectedRows);
    // A rate or a latency is above 0 once measured; a share of a core can be 0 % over a second.
    const measured = (row: (typeof report.rows)[number]) =>
      Number.isFinite(row.value) && (row.unit === '%' ? row.value >= 0 : row.value > 0);
    for (const row of report.rows)
      expect({ key: row.key, measured: measured(row) }).toEqual({ key: row.key, measured: true });
    expect(report.ratios.map((ratio) => Number.isFinite(ratio.value))).toEqual([true, true, true]);
    expect(markdownTable(report)).toContain('| 11 | p99 placed → CONFIRMED');
  }, 300_000);
});
