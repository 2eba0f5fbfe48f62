/**
 * `npm test`: the one test command, from a fresh clone to a result.
 *
 * 1. Installs dependencies if node_modules is missing (`npm ci`, from the committed lockfile).
 * 2. Brings up the `test` profile's 3-broker cluster from scratch (off the dev cluster's ports),
 *    or uses the cluster named by KAFKA_BROKERS when that is set.
 * 3. Runs the tests of every project through Nx, one project at a time (all suites share the
 *    one cluster, and some of them stop brokers on purpose) and, beside them in a second Nx,
 *    the static checks (typecheck, lint, and the formatter's check), which need no cluster: on
 *    two cores the checks fill the time the tests spend waiting for Kafka. The checks' output is
 *    printed after the tests'.
 * 4. Stops the cluster and deletes its data, also when tests fail or the run is interrupted.
 * 4b. The secured phase: the `test-secure` cluster (SASL/SCRAM over TLS, ACLs) is started once
 *    for every `*.secure.spec.ts` (apps/e2e/jest.secure.config.ts), then stopped and deleted.
 * 5. Runs the testcontainers phase (run-container-tests.ts, beside this file): the
 *    cluster proofs, a fault scenario and the order-flow e2e again, on three Kafka containers.
 *    Where no Docker engine answers it is skipped with one line saying why, unless
 *    ORDERFLOW_REQUIRE_DOCKER=1 (CI) makes that a failure. (The compose e2e is a Docker suite
 *    of apps/e2e and follows the same rule, in step 3.)
 *
 * Extra arguments go to Nx, e.g. `npm test -- --projects=local-kafka`; then step 5 is left out.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies } from './dependencies.ts';
import { runNx, withTestSummary } from './nx-run.ts';
import { REPO_ROOT } from './paths.ts';

const log = (line: string) => console.log(`[npm test] ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const nxFlags = ['--parallel=1', '--skip-nx-cache', '--outputStyle=static'];

/** The tests (on the cluster) and, beside them in a second Nx, the static checks. */
async function runChecksAndTests(extraArgs: string[]): Promise<number> {
  const checksOutput = join(mkdtempSync(join(tmpdir(), 'orderflow-checks-')), 'checks.log');
  const started = Date.now();
  const checks = runNx(['run-many', '-t', 'typecheck', 'lint', ...nxFlags, ...extraArgs], log, {
    outputFile: checksOutput,
    // Two Nx processes at once each need a workspace-data folder of their own.
    env: { NX_WORKSPACE_DATA_DIRECTORY: join(REPO_ROOT, '.nx', 'workspace-data-checks') },
  }).then((code) => {
    log(`typecheck and lint finished in ${seconds(started)} (exit code ${code})`);
    return code;
  });
  const formatting = checkFormatting();
  const tests = await runNx(['run-many', '-t', 'test', ...nxFlags, ...extraArgs], log);
  const checksCode = (await checks) || (await formatting);
  console.log(`\n[npm test] ---- typecheck and lint ----\n${readFileSync(checksOutput, 'utf8')}`);
  return tests || checksCode;
}

/** The formatter's check: code that `npm run format` would change fails the run (it prints only those files). */
function checkFormatting(): Promise<number> {
  const prettier = join(REPO_ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs');
  const child = spawn(process.execPath, [prettier, '--check', '--log-level', 'warn', '.'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      log(
        code === 0
          ? 'formatting: as Prettier writes it'
          : "formatting: the files above differ from Prettier's; run npm run format",
      );
      resolve(code ?? 1);
    });
  });
}

/** Step 4b: one secured cluster for all the secured suites, then gone. */
async function runSecuredPhase(): Promise<number> {
  const started = Date.now();
  const { LocalKafkaCluster } = await import('@orderflow/kafka-cluster');
  const cluster = new LocalKafkaCluster({ profile: 'test-secure', log });
  try {
    await cluster.down({ wipe: true });
    const brokers = await cluster.up();
    log(`secured 3-broker cluster ready in ${seconds(started)}: ${brokers.join(',')}`);
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'node_modules', 'jest', 'bin', 'jest.js'),
        '-c',
        join(REPO_ROOT, 'apps', 'e2e', 'jest.secure.config.ts'),
      ],
      {
        cwd: REPO_ROOT,
        stdio: 'inherit',
        env: {
          ...process.env,
          KAFKA_BROKERS: brokers.join(','),
          ORDERFLOW_KAFKA_PROFILE: cluster.layout.profile,
          NODE_OPTIONS: '--experimental-vm-modules --disable-warning=ExperimentalWarning',
        },
      },
    );
    return await new Promise<number>((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  } finally {
    await cluster.down({ wipe: true });
    log(`secured phase finished in ${seconds(started)}`);
  }
}

/** Step 5, as a process of its own: `npm run test:containers` runs the same script. */
function runContainerPhase(): Promise<number> {
  const started = Date.now();
  const child = spawn(process.execPath, [join(REPO_ROOT, 'tools', 'local-kafka', 'src', 'run-container-tests.ts')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, KAFKA_BROKERS: '', ORDERFLOW_KAFKA_PROFILE: '' },
  });
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      log(`testcontainers phase finished in ${seconds(started)} (exit code ${code})`);
      resolve(code ?? 1);
    }),
  );
}

async function runWithCluster(): Promise<number> {
  const started = Date.now();
  ensureDependencies(log);
  const extraArgs = process.argv.slice(2);
  if (process.env['ORDERFLOW_TEST_CLUSTER'] === 'testcontainers') {
    throw new Error(
      'ORDERFLOW_TEST_CLUSTER=testcontainers: run "npm run test:containers" (arguments as for npm test).',
    );
  }
  if (process.env['KAFKA_BROKERS']) {
    log(`Using the external cluster KAFKA_BROKERS=${process.env['KAFKA_BROKERS']}`);
    return runChecksAndTests(extraArgs);
  }
  // Imported only now: npm links it (and installs its kafkajs) in step 1, on a fresh clone.
  const { LocalKafkaCluster, testProfile } = await import('@orderflow/kafka-cluster');
  const cluster = new LocalKafkaCluster({ profile: testProfile(), log });
  let code: number;
  try {
    await cluster.down({ wipe: true }); // leftovers of an interrupted run
    const clusterStart = Date.now();
    const brokers = await cluster.up();
    log(`3-broker cluster ready in ${seconds(clusterStart)}: ${brokers.join(',')}`);
    process.env['KAFKA_BROKERS'] = brokers.join(',');
    process.env['ORDERFLOW_KAFKA_PROFILE'] = testProfile();
    code = await runChecksAndTests(extraArgs);
  } finally {
    await cluster.down({ wipe: true });
    log(`Cluster stopped. ${seconds(started)} so far`);
  }
  if (extraArgs.length === 0) code = (await runSecuredPhase()) || code;
  if (extraArgs.length === 0) code = (await runContainerPhase()) || code;
  log(`Whole run: ${seconds(started)}`);
  return code;
}

withTestSummary(runWithCluster).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(
      error instanceof Error && 'hint' in error ? `error: ${error.message}\nhint: ${String(error.hint)}` : error,
    );
    process.exit(1);
  },
);
