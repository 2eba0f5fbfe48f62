import { join } from 'node:path';
import { CLUSTERS_ROOT } from './paths.ts';

/**
 * Where one local cluster lives and listens. Separate profiles exist so that `npm test` (and
 * `npm run bench`) never touch the cluster a developer keeps running with `npm run kafka:up`. All stay off
 * Kafka's standard ports (9092/9093) so they never collide with another Kafka on the machine.
 */
export interface ClusterLayout {
  readonly profile: string;
  /** Data dirs, logs, generated configs and state.json of this cluster. */
  readonly dir: string;
  readonly nodeIds: readonly number[];
  /** Node n listens for clients on brokerBasePort + n - 1 ... */
  readonly brokerBasePort: number;
  /** ... and for the KRaft controller quorum on controllerBasePort + n - 1. */
  readonly controllerBasePort: number;
  /** JVM heap per node. Three nodes at 512 MB leave room for services and tests. */
  readonly heapMb: number;
  /**
   * A secured cluster (SASL/SCRAM over TLS, ACLs; see secure/): clients authenticate on
   * brokerBasePort, brokers talk to each other on a listener of their own at
   * interBrokerBasePort + n - 1. Undefined: a plaintext cluster with no authentication.
   */
  readonly interBrokerBasePort?: number;
}

const NODE_IDS = [1, 2, 3] as const;

function layoutFor(
  profile: string,
  brokerBasePort: number,
  controllerBasePort: number,
  interBrokerBasePort?: number,
): ClusterLayout {
  return Object.freeze({
    profile,
    dir: join(CLUSTERS_ROOT, profile),
    nodeIds: NODE_IDS,
    brokerBasePort,
    controllerBasePort,
    heapMb: 512,
    ...(interBrokerBasePort === undefined ? {} : { interBrokerBasePort }),
  });
}

export const CLUSTER_PROFILES: Readonly<Record<string, ClusterLayout>> = Object.freeze({
  dev: layoutFor('dev', 19092, 19192),
  test: layoutFor('test', 29092, 29192),
  // `npm run bench` measures on a cluster of its own, so no test run or dev stack skews it.
  bench: layoutFor('bench', 39092, 39192),
  // Secured clusters (`npm start -- --secure`, and the secured phase of `npm test`): a third
  // port range each, for the brokers' own listener.
  'dev-secure': layoutFor('dev-secure', 19392, 19592, 19492),
  'test-secure': layoutFor('test-secure', 29392, 29592, 29492),
});

/**
 * `test-1` ... `test-9`: more test clusters beside `test`, for running several test runs on one
 * machine at once (`ORDERFLOW_TEST_PROFILE=test-2 npm test`). Cluster N sits 10·N ports above
 * `test`, so none of them overlap.
 */
const EXTRA_TEST_PROFILE = /^test-([1-9])$/;

export function clusterLayout(profile: string): ClusterLayout {
  const layout = CLUSTER_PROFILES[profile];
  if (layout) return layout;
  const extra = EXTRA_TEST_PROFILE.exec(profile);
  if (extra) {
    const offset = 10 * Number(extra[1]);
    return layoutFor(profile, 29092 + offset, 29192 + offset);
  }
  throw new Error(
    `Unknown cluster profile "${profile}"; use one of: ${Object.keys(CLUSTER_PROFILES).join(', ')}, test-1 ... test-9`,
  );
}

/** The profile `npm test` runs on: `test`, or the one ORDERFLOW_TEST_PROFILE names. */
export function testProfile(): string {
  return process.env['ORDERFLOW_TEST_PROFILE'] || 'test';
}

export function brokerPort(layout: ClusterLayout, nodeId: number): number {
  return layout.brokerBasePort + nodeId - 1;
}

export function controllerPort(layout: ClusterLayout, nodeId: number): number {
  return layout.controllerBasePort + nodeId - 1;
}

/** The secured cluster's broker-to-broker listener; undefined on a plaintext cluster. */
export function interBrokerPort(layout: ClusterLayout, nodeId: number): number | undefined {
  return layout.interBrokerBasePort === undefined ? undefined : layout.interBrokerBasePort + nodeId - 1;
}

/** The bootstrap list clients use, e.g. `127.0.0.1:19092,127.0.0.1:19093,127.0.0.1:19094`. */
export function bootstrapServers(layout: ClusterLayout): string[] {
  return layout.nodeIds.map((id) => `127.0.0.1:${brokerPort(layout, id)}`);
}

export function nodeDir(layout: ClusterLayout, nodeId: number): string {
  return join(layout.dir, `node-${nodeId}`);
}
