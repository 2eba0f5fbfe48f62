/**
 * `npm test`: the one test command, from a fresh clone to a result.
 *
 * 1. Installs dependencies if node_modules is missing (`npm ci`, from the committed lockfile).
 * 2. Brings up the `test` profile's 3-broker cluster from scratch (off the dev cluster's ports),
 *    or uses the cluster named by KAFKA_BROKERS when that is set.
 * 3. Runs the tests of every project through Nx, one project at a time (all suites share the
 *    one cluster, and some of them stop brokers on purpose) and, beside them in a second Nx,
 *    the static checks (typecheck, lint), which need no cluster: on two cores the checks fill
 *    the time the tests spend waiting for Kafka. The checks' output is printed after the tests'.
 * 4. Stops the cluster and deletes its data, also when tests fail or the run is interrupted.
 *
 * Extra arguments go to Nx, e.g. `npm test -- --projects=local-kafka`.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './dependencies.ts';
import { testProfile } from './cluster-layout.ts';
import { REPO_ROOT } from './paths.ts';

const log = (line: string) => console.log(`[npm test] ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

/** The run's closing line, summed over every project's jest run (see test-summary-reporter.ts). */
function printSummary(summaryFile: string): void {
  const lines = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const line of lines) {
    const counts = JSON.parse(line) as typeof total;
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  console.log(`Tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
}

interface NxRun {
  /** The targets, e.g. ['test'] or ['typecheck', 'lint']. */
  readonly targets: string[];
  /** Where its output goes: this terminal, or a file printed later. */
  readonly outputFile?: string;
  /** A workspace-data folder of its own, so that two Nx processes never share one. */
  readonly workspaceData?: string;
}

function runNx(run: NxRun, extraArgs: string[]): Promise<number> {
  const nx = join(REPO_ROOT, 'node_modules', '.bin', 'nx');
  const args = ['run-many', '-t', ...run.targets, '--parallel=1', '--skip-nx-cache', '--outputStyle=static', ...extraArgs];
  log(`nx ${args.join(' ')}${run.outputFile ? ` (output: ${run.outputFile})` : ''}`);
  const output = run.outputFile ? openSync(run.outputFile, 'w') : 'inherit';
  const child = spawn(nx, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', output, output],
    env: {
      ...process.env,
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
      NX_TUI: 'false',
      ...(run.workspaceData ? { NX_WORKSPACE_DATA_DIRECTORY: run.workspaceData } : {}),
    },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

/** The tests (on the cluster) and the static checks (typecheck, lint) side by side. */
async function runChecksAndTests(extraArgs: string[]): Promise<number> {
  const checksOutput = join(mkdtempSync(join(tmpdir(), 'orderflow-checks-')), 'checks.log');
  const started = Date.now();
  const checks = runNx(
    { targets: ['typecheck', 'lint'], outputFile: checksOutput, workspaceData: join(REPO_ROOT, '.nx', 'workspace-data-checks') },
    extraArgs,
  ).then((code) => {
    log(`typecheck and lint finished in ${seconds(started)} (exit code ${code})`);
    return code;
  });
  const tests = await runNx({ targets: ['test'] }, extraArgs);
  const checksCode = await checks;
  console.log(`\n[npm test] ---- typecheck and lint ----\n${readFileSync(checksOutput, 'utf8')}`);
  return tests || checksCode;
}

async function main(): Promise<number> {
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'orderflow-test-')), 'summary.jsonl');
  process.env['ORDERFLOW_TEST_SUMMARY_FILE'] = summaryFile;
  try {
    return await runWithCluster();
  } finally {
    printSummary(summaryFile);
  }
}

async function runWithCluster(): Promise<number> {
  const started = Date.now();
  ensureDependencies(log);
  if (process.env['KAFKA_BROKERS']) {
    log(`Using the external cluster KAFKA_BROKERS=${process.env['KAFKA_BROKERS']}`);
    return runChecksAndTests(process.argv.slice(2));
  }
  // Imported only now: it needs kafkajs, which step 1 may just have installed.
  const { LocalKafkaCluster } = await import('./local-kafka-cluster.ts');
  const cluster = new LocalKafkaCluster({ profile: testProfile(), log });
  try {
    await cluster.down({ wipe: true }); // leftovers of an interrupted run
    const clusterStart = Date.now();
    const brokers = await cluster.up();
    log(`3-broker cluster ready in ${seconds(clusterStart)}: ${brokers.join(',')}`);
    process.env['KAFKA_BROKERS'] = brokers.join(',');
    process.env['ORDERFLOW_KAFKA_PROFILE'] = testProfile();
    return await runChecksAndTests(process.argv.slice(2));
  } finally {
    await cluster.down({ wipe: true });
    log(`Cluster stopped. Whole run: ${seconds(started)}`);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error && 'hint' in error ? `error: ${error.message}\nhint: ${String(error.hint)}` : error);
    process.exit(1);
  },
);
