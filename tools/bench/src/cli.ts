/**
 * `npm run bench`: the performance table of the design brief, from one run on one cluster.
 *
 *   npm run bench                      the full measure (about ten minutes), on its own `bench` cluster
 *   npm run bench -- --quick           a few minutes, to compare two commits back to back
 *   npm run bench -- --smoke           every row from seconds of load (what CI runs)
 *   npm run bench -- --cpu-prof DIR    also writes a CPU profile of each service into DIR
 *
 * With KAFKA_BROKERS set it measures that cluster instead (and kills one of its brokers only
 * when ORDERFLOW_KAFKA_PROFILE names it as a local one). The table is printed as markdown;
 * the JSON goes to tools/bench/results/ (git-ignored), so two commits can be compared.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalKafkaCluster, REPO_ROOT } from '@orderflow/kafka-cluster';
import { fullBench, quickBench, smokeBench } from './bench-settings.ts';
import { markdownTable } from './report-table.ts';
import { runBench } from './run-bench.ts';

const log = (line: string) => console.log(`[bench] ${line}`);
const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
// Inherited by the service processes only: this process is already running.
if (values['cpu-prof']) process.env['NODE_OPTIONS'] = `--cpu-prof --cpu-prof-dir=${values['cpu-prof']}`;

const external = process.env['KAFKA_BROKERS'];
const profile = process.env['ORDERFLOW_KAFKA_PROFILE'];
const cluster = external
  ? profile
    ? new LocalKafkaCluster({ profile })
    : undefined
  : new LocalKafkaCluster({ profile: 'bench', log });
try {
  const brokers = external ? external.split(',') : await (cluster as LocalKafkaCluster).up();
  const report = await runBench({
    brokers,
    cluster,
    settings: values.smoke ? smokeBench : values.quick ? quickBench : fullBench,
    mode: values.smoke ? 'smoke' : values.quick ? 'quick' : 'full',
    log,
    serviceOutput: (line) => console.log(line),
  });
  const directory = join(REPO_ROOT, 'tools', 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `bench-${report.startedAt.replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\n${markdownTable(report)}\n`);
  log(`JSON: ${file}`);
} finally {
  // Its own cluster goes with the run; an external one is left as it was found.
  if (!external) await cluster?.down({ wipe: true });
}
