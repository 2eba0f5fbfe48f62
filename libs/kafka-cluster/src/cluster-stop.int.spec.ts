import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { testProfile } from './cluster-layout.ts';
import { LocalKafkaCluster } from './local-kafka-cluster.ts';

/**
 * The test run's cluster: under `npm test` the one it started (ORDERFLOW_KAFKA_PROFILE), by hand
 * the test profile's. An external cluster (KAFKA_BROKERS alone) cannot be stopped from here.
 */
function runsCluster(lines: string[]): LocalKafkaCluster {
  const profile = process.env['ORDERFLOW_KAFKA_PROFILE'] || (process.env['KAFKA_BROKERS'] ? undefined : testProfile());
  if (!profile) throw new Error('This suite stops the local test cluster; unset KAFKA_BROKERS to run it.');
  return new LocalKafkaCluster({ profile, log: (line) => lines.push(line) });
}

describe('stopping the whole local cluster', () => {
  const toolLog: string[] = [];
  const cluster = runsCluster(toolLog);

  // Starting takes long on a busy machine; the stop under test must not share its time limit.
  beforeAll(() => cluster.up(), 300_000);
  // The other suites of the run share this cluster: leave it running, as found. A busy machine
  // can need more than up()'s 2 minutes to bring three nodes back; give it up to 5 in all.
  afterAll(() => cluster.up().catch(() => cluster.waitUntilHealthy(180_000)), 330_000);

  it('lets every node finish its controlled shutdown: none is killed, each leaves a clean-shutdown marker', async () => {
    const nodes = cluster.nodes();
    const logSizes = new Map(nodes.map((node) => [node.id, statSync(node.logFile).size]));

    await cluster.down();

    expect(toolLog.filter((line) => line.includes('killing'))).toEqual([]);
    for (const node of nodes) {
      const sinceStop = readFileSync(node.logFile).subarray(logSizes.get(node.id)).toString('utf8');
      // The broker approved by the controller quorum, then done; the log manager closed every log.
      expect(sinceStop).toContain(`[BrokerServer id=${node.id}] shut down completed`);
      expect(sinceStop).not.toContain('Timed out waiting for the controller to approve controlled shutdown');
      expect(sinceStop.trimEnd().split('\n').at(-1)).toContain(`App info kafka.server for ${node.id} unregistered`);
      // Written by a clean shutdown only; without it the next start recovers every log.
      expect(existsSync(join(cluster.layout.dir, `node-${node.id}`, 'data', '.kafka_cleanshutdown'))).toBe(true);
    }
  }, 120_000);
});
