/**
 * `npm test`: the one test command, from a fresh clone to a result.
 *
 * 1. Installs dependencies if node_modules is missing (`npm ci`, from the committed lockfile).
 * 2. Brings up the `test` profile's 3-broker cluster from scratch (off the dev cluster's ports),
 *    or uses the cluster named by KAFKA_BROKERS when that is set.
 * 3. Runs typecheck, lint and test of every project through Nx, one project at a time: all
 *    suites share the one cluster, and some of them stop brokers on purpose.
 * 4. Stops the cluster and deletes its data, also when tests fail or the run is interrupted.
 *
 * Extra arguments go to Nx, e.g. `npm test -- --projects=local-kafka`.
 */
import { ensureDependencies } from './dependencies.ts';
import { testProfile } from './cluster-layout.ts';
import { runNx, withTestSummary } from './nx-run.ts';

const log = (line: string) => console.log(`[npm test] ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

const runChecks = (extraArgs: string[]) =>
  runNx(['run-many', '-t', 'typecheck', 'lint', 'test', '--parallel=1', '--skip-nx-cache', '--outputStyle=static', ...extraArgs], log);

async function runWithCluster(): Promise<number> {
  const started = Date.now();
  ensureDependencies(log);
  if (process.env['ORDERFLOW_TEST_CLUSTER'] === 'testcontainers') {
    // Its runner lives in libs/testing, beside the container cluster (this tool is what that library builds on).
    throw new Error('ORDERFLOW_TEST_CLUSTER=testcontainers: run "npm run test:containers" (arguments as for npm test).');
  }
  if (process.env['KAFKA_BROKERS']) {
    log(`Using the external cluster KAFKA_BROKERS=${process.env['KAFKA_BROKERS']}`);
    return runChecks(process.argv.slice(2));
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
    return await runChecks(process.argv.slice(2));
  } finally {
    await cluster.down({ wipe: true });
    log(`Cluster stopped. Whole run: ${seconds(started)}`);
  }
}

withTestSummary(runWithCluster).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error && 'hint' in error ? `error: ${error.message}\nhint: ${String(error.hint)}` : error);
    process.exit(1);
  },
);
