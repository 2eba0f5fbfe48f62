/**
 * `npm run test:containers`: suites on a Kafka cluster of three containers, the testcontainers
 * mode (ORDERFLOW_TEST_CLUSTER=testcontainers). It needs a Docker engine, and says so when
 * none answers.
 *
 * 1. Removes the containers an interrupted run of this test profile left behind.
 * 2. Starts the container cluster once for the whole run (libs/testing's
 *    containers/kafka-containers.ts) and hands it to the suites: KAFKA_BROKERS and the
 *    containers' ids (containers/test-run-variables.ts). Each jest run's PostgreSQL is a
 *    container too (database/global-setup.ts).
 * 3. Runs, by default, what CI runs in this mode: the cluster proofs, one fault scenario (the
 *    whole cluster killed, services started before it comes back) and the order-flow e2e.
 *    With arguments: `nx run-many -t test <arguments>`, e.g.
 *    `npm run test:containers -- --projects=kafka`.
 * 4. Removes the containers and the network, also when tests fail or the run is interrupted.
 */
import { testProfile } from '@orderflow/kafka-cluster';
import {
  containerNodesVariable,
  dockerEngine,
  DockerNeededError,
  startKafkaContainers,
  testClusterModeVariable,
} from '@orderflow/testing';
import { runNx, withTestSummary } from './nx-run.ts';

const log = (line: string) => console.log(`[test:containers] ${line}`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const nxTest = ['--skip-nx-cache', '--outputStyle=static'];

/** What CI runs in this mode: `nx test <project> <jest arguments>` each. */
const CI_SUITES: readonly (readonly string[])[] = [
  ['test', 'testing', '--testPathPatterns=src/cluster-proof/'],
  ['test', 'e2e', '--testPathPatterns=src/(order-flow|faults/startup-order)\\.int\\.spec\\.ts$'],
];

async function run(): Promise<number> {
  const started = Date.now();
  const namePrefix = `orderflow-${testProfile()}`;
  await removeLeftovers(namePrefix);
  const clusterStart = Date.now();
  const cluster = await startKafkaContainers({ namePrefix });
  try {
    log(`3-broker container cluster ready in ${seconds(clusterStart)}: ${cluster.brokers.join(',')}`);
    process.env[testClusterModeVariable] = 'testcontainers';
    process.env['KAFKA_BROKERS'] = cluster.brokers.join(',');
    process.env[containerNodesVariable] = JSON.stringify(cluster.nodes);
    const args = process.argv.slice(2);
    if (args.length > 0) return await runNx(['run-many', '-t', 'test', '--parallel=1', ...nxTest, ...args], log);
    let failed = 0;
    for (const suite of CI_SUITES) failed += (await runNx([...suite, ...nxTest], log)) === 0 ? 0 : 1;
    return failed === 0 ? 0 : 1;
  } finally {
    await cluster.stop();
    log(`Containers and network removed. Whole run: ${seconds(started)}`);
  }
}

/** Containers of this profile's cluster that an interrupted run left (their names would clash). */
async function removeLeftovers(namePrefix: string): Promise<void> {
  const client = await dockerEngine();
  const leftovers = (await client.container.list()).filter((info) =>
    info.Names.some((name) => name.startsWith(`/${namePrefix}-kafka-`)),
  );
  for (const info of leftovers) {
    log(`Removing ${info.Names.join(',')}, left by an interrupted run`);
    await client.container.getById(info.Id).remove({ force: true, v: true });
  }
}

/** Run as step 5 of `npm test`, a missing engine skips this phase, unless CI requires Docker. */
const skipWithoutDocker =
  Boolean(process.env['ORDERFLOW_TEST_SUMMARY_FILE']) && process.env['ORDERFLOW_REQUIRE_DOCKER'] !== '1';

// Docker first: without an engine there is nothing to run, and no summary to print.
dockerEngine()
  .then(() => withTestSummary(run))
  .then(
    (code) => process.exit(code),
    (error: unknown) => {
      if (error instanceof DockerNeededError && skipWithoutDocker) {
        log(`Skipping the testcontainers suites: ${error.message}`);
        process.exit(0);
      }
      console.error(error instanceof DockerNeededError ? `error: ${error.message}` : error);
      process.exit(1);
    },
  );
