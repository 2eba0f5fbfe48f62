import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { clusterConditions, waitForHealth, type HealthCondition } from './cluster-health.ts';
import {
  bootstrapServers,
  brokerPort,
  clusterLayout,
  controllerPort,
  nodeDir,
  type ClusterLayout,
} from './cluster-layout.ts';
import { ensureKafkaJars, kafkaVersion } from './kafka-jars.ts';
import { LocalKafkaError } from './local-kafka-error.ts';
import { LOG4J2_PROPERTIES, nodeProperties, toPropertiesFile } from './node-config.ts';
import {
  assertPortFree,
  processState,
  runJava,
  spawnDetached,
  tailOfFile,
  waitForExit,
  type NodeProcessState,
} from './node-process.ts';
import { findJava } from './prerequisites.ts';
import { kafkajsSecurity } from './secure/client-config.ts';
import { ensureClusterSecrets, readClusterSecrets, type ClusterSecrets } from './secure/cluster-secrets.ts';
import { grantAccess } from './secure/grant-access.ts';
import { adminScramCredential } from './secure/secure-node-config.ts';
import type { ClientSecurity } from './cluster-health.ts';

export interface LocalKafkaClusterOptions {
  /** `dev` (npm run kafka:up) or `test` (npm test); see cluster-layout.ts. Default `dev`. */
  readonly profile?: string;
  /** Where progress lines go; silent by default. */
  readonly log?: (line: string) => void;
}

export interface NodeStatus {
  readonly id: number;
  readonly pid: number | undefined;
  readonly state: NodeProcessState;
  readonly brokerPort: number;
  readonly controllerPort: number;
  readonly logFile: string;
}

/** What survives between commands: the cluster id the storage was formatted with, and PIDs. */
interface ClusterState {
  clusterId: string;
  kafkaVersion: string;
  pids: Record<string, number>;
  /** A secured cluster: its users, topics and ACLs are in place (grantAccess ran to the end). */
  accessGranted?: boolean;
}

const READY_TIMEOUT_MS = 120_000;
/**
 * How long a node may take over its controlled shutdown before it is killed. Generous on
 * purpose: a node killed before it closed its logs leaves no clean-shutdown marker, so its next
 * start recovers the logs. On a busy machine a node needs several seconds for its broker part,
 * and the last node of a stopping cluster adds 5 s more: its KRaft client waits that long (a
 * fixed timeout) for the other voters to acknowledge its resignation, and they are gone.
 */
const CLUSTER_STOP_LIMIT_MS = 60_000;
/**
 * One node stopped while the others run: the quorum approves at once, a few seconds suffice.
 * (Stopping the nodes one by one until none is left makes the last one wait for an approval
 * that cannot come, for Kafka's 5 minutes; down() avoids that.)
 */
const NODE_STOP_LIMIT_MS = 30_000;

/**
 * A three-node Apache Kafka cluster (KRaft, each node broker + controller) running as local
 * JVM processes. Every command reads and writes `state.json` in the cluster's directory, so
 * `up` in one process and `killBroker(2)` in another (a test) act on the same cluster.
 */
export class LocalKafkaCluster {
  readonly layout: ClusterLayout;
  readonly #log: (line: string) => void;

  constructor(options: LocalKafkaClusterOptions = {}) {
    this.layout = clusterLayout(options.profile ?? 'dev');
    this.#log = options.log ?? (() => {});
  }

  get brokers(): string[] {
    return bootstrapServers(this.layout);
  }

  /** SASL/SCRAM over TLS and ACLs (the `-secure` profiles), or plaintext with no authentication. */
  get secure(): boolean {
    return this.layout.interBrokerBasePort !== undefined;
  }

  /** A secured cluster's CA and passwords, made on its first start (a clear error before that). */
  secrets(): ClusterSecrets {
    return readClusterSecrets(this.#secretsDir());
  }

  /** How a kafkajs client logs in as `user`: nothing on a plaintext cluster. */
  clientSecurity(user = 'admin'): ClientSecurity {
    return this.secure ? kafkajsSecurity(this.secrets(), user) : {};
  }

  nodes(): NodeStatus[] {
    const state = this.#readState();
    return this.layout.nodeIds.map((id) => {
      const pid = state?.pids[id];
      return {
        id,
        pid,
        state: processState(pid, this.#configFile(id)),
        brokerPort: brokerPort(this.layout, id),
        controllerPort: controllerPort(this.layout, id),
        logFile: this.#logFile(id),
      };
    });
  }

  /**
   * Starts whatever nodes are not running (formatting storage on first start), then waits
   * until all three brokers are registered and a replication-factor-3 probe topic has a full
   * ISR. Returns the bootstrap servers. Safe to call when the cluster is already up.
   */
  async up(): Promise<string[]> {
    const stopped = this.nodes().filter((node) => node.state === 'stopped');
    for (const node of this.nodes().filter((n) => n.state === 'paused')) this.resumeBroker(node.id);
    if (stopped.length > 0) {
      const java = findJava();
      const classpath = ensureKafkaJars(this.#log);
      for (const node of stopped) {
        await assertPortFree(node.brokerPort, `broker ${node.id}`);
        await assertPortFree(node.controllerPort, `controller ${node.id}`);
      }
      const state = this.#prepareState();
      // Certificates and passwords before the first format: storage gets the admin's SCRAM credential.
      const secrets = this.secure
        ? await ensureClusterSecrets(this.#secretsDir(), { dnsNames: ['localhost'], ipAddresses: ['127.0.0.1'] })
        : undefined;
      for (const node of stopped) this.#formatIfNew(java, classpath, state, node.id, secrets);
      for (const node of stopped) {
        state.pids[node.id] = spawnDetached(java, this.#nodeJvmArgs(classpath, node.id), this.#logFile(node.id));
        this.#log(`Started node ${node.id} (pid ${state.pids[node.id]}), log: ${this.#logFile(node.id)}`);
      }
      this.#writeState(state);
    }
    await this.waitUntilHealthy();
    if (this.secure) await this.#grantAccessOnce();
    return this.brokers;
  }

  /** Users, topics and ACLs, on the first start that gets this far (see secure/grant-access.ts). */
  async #grantAccessOnce(): Promise<void> {
    const state = this.#prepareState();
    if (state.accessGranted) return;
    this.#log('Creating the users, topics and ACLs of the secured cluster');
    const admin = new Kafka({
      ...this.clientSecurity('admin'),
      clientId: 'local-kafka-admin',
      brokers: this.brokers,
      logLevel: logLevel.NOTHING,
    }).admin();
    await admin.connect();
    try {
      await grantAccess(admin, this.brokers, this.secrets());
    } finally {
      await admin.disconnect();
    }
    this.#writeState({ ...state, accessGranted: true });
  }

  #secretsDir(): string {
    return join(this.layout.dir, 'secrets');
  }

  /**
   * Stops every node with a controlled shutdown; `wipe` deletes all data. All nodes get SIGTERM
   * at once, so each broker asks the controller quorum for its controlled shutdown while the
   * quorum still stands (a node stopped after two others would find no quorum to approve it).
   * Then each is given CLUSTER_STOP_LIMIT_MS to finish.
   */
  async down(options: { wipe?: boolean } = {}): Promise<void> {
    const running = this.nodes().filter((node) => node.state !== 'stopped');
    for (const node of running) this.#requestStop(node);
    await Promise.all(running.map((node) => this.#awaitStop(node, CLUSTER_STOP_LIMIT_MS)));
    if (options.wipe) rmSync(this.layout.dir, { recursive: true, force: true });
  }

  /** Controlled shutdown: the broker hands its partition leaderships over, then exits. */
  async stopBroker(id: number, timeoutMs = NODE_STOP_LIMIT_MS): Promise<void> {
    const node = this.#node(id);
    if (node.state === 'stopped') return;
    this.#requestStop(node);
    await this.#awaitStop(node, timeoutMs);
  }

  #requestStop(node: NodeStatus): void {
    if (!node.pid) return;
    if (node.state === 'paused') process.kill(node.pid, 'SIGCONT'); // a stopped process cannot act on SIGTERM
    process.kill(node.pid, 'SIGTERM');
  }

  /** Waits for a node that got SIGTERM to exit; kills it only past `timeoutMs`, and says so. */
  async #awaitStop(node: NodeStatus, timeoutMs: number): Promise<void> {
    if (!node.pid || (await waitForExit(node.pid, this.#configFile(node.id), timeoutMs))) return;
    this.#log(
      `Node ${node.id} did not finish its controlled shutdown within ${timeoutMs / 1000} s; killing it (its next start recovers its logs)`,
    );
    await this.killBroker(node.id);
  }

  /** A crash: no controlled shutdown, the other brokers notice by missed heartbeats. */
  async killBroker(id: number): Promise<void> {
    const node = this.#node(id);
    if (node.state === 'stopped' || !node.pid) return;
    process.kill(node.pid, 'SIGKILL');
    await waitForExit(node.pid, this.#configFile(id), 10_000);
  }

  /** A hung broker (long GC pause, frozen VM): alive but silent, until resumeBroker. */
  pauseBroker(id: number): void {
    const node = this.#node(id);
    if (node.state === 'running' && node.pid) process.kill(node.pid, 'SIGSTOP');
  }

  resumeBroker(id: number): void {
    const node = this.#node(id);
    if (node.state === 'paused' && node.pid) process.kill(node.pid, 'SIGCONT');
  }

  /** Starts one stopped node again and waits until it is registered with the cluster. */
  async startBroker(id: number): Promise<void> {
    const node = this.#node(id);
    if (node.state === 'paused') this.resumeBroker(id);
    if (node.state !== 'stopped') return;
    const java = findJava();
    const classpath = ensureKafkaJars(this.#log);
    await assertPortFree(node.brokerPort, `broker ${id}`);
    const state = this.#prepareState();
    state.pids[id] = spawnDetached(java, this.#nodeJvmArgs(classpath, id), this.#logFile(id));
    this.#writeState(state);
    await this.#waitFor(clusterConditions.registered(id));
  }

  /** Waits until all three brokers are registered and replicate (see clusterConditions.healthy). */
  async waitUntilHealthy(timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    await this.#waitFor(clusterConditions.healthy(this.layout.nodeIds.length), timeoutMs);
  }

  /**
   * Waits until every partition of every topic (or of `topics` only) has its full in-sync
   * replica set again. Naming the topics that matter is much quicker on a cluster that holds
   * many others: a restarted broker catches up on all of them.
   */
  async waitForFullIsr(timeoutMs = READY_TIMEOUT_MS, topics?: readonly string[]): Promise<void> {
    await this.#waitFor(clusterConditions.fullIsr(topics), timeoutMs);
  }

  /** Waits until `condition` holds; fails early, with the log tail, if a node has died. */
  async #waitFor(condition: HealthCondition, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
    const expectedRunning = new Set(
      this.nodes()
        .filter((n) => n.state !== 'stopped')
        .map((n) => n.id),
    );
    await waitForHealth(this.brokers, condition, {
      timeoutMs,
      security: this.clientSecurity('admin'),
      beforeEachCheck: () => {
        const died = this.nodes().find((n) => expectedRunning.has(n.id) && n.state === 'stopped');
        if (died) {
          throw new LocalKafkaError(
            `Kafka node ${died.id} exited while waiting for ${condition.what}. Last lines of ${died.logFile}:\n${tailOfFile(died.logFile)}`,
            'Fix the cause shown in the log, then "npm run kafka:down -- --wipe" and start again.',
          );
        }
      },
      timeoutError: (what) => {
        const logs = this.nodes().map(
          (n) => `--- node ${n.id} (${n.state}) ${n.logFile}:\n${tailOfFile(n.logFile, 10)}`,
        );
        return new LocalKafkaError(`Timed out waiting for ${what}.\n${logs.join('\n')}`, 'See the broker logs above.');
      },
    });
  }

  #node(id: number): NodeStatus {
    const node = this.nodes().find((n) => n.id === id);
    if (!node) throw new Error(`No node ${id}; nodes are ${this.layout.nodeIds.join(', ')}`);
    return node;
  }

  #nodeJvmArgs(classpath: string, id: number): string[] {
    return [
      `-Xms${this.layout.heapMb}m`,
      `-Xmx${this.layout.heapMb}m`,
      // The GC settings of Kafka's own start script: short pauses keep heartbeats on time.
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-XX:InitiatingHeapOccupancyPercent=35',
      '-XX:+ExplicitGCInvokesConcurrent',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${this.#log4jFile()}`,
      '-cp',
      classpath,
      'kafka.Kafka',
      this.#configFile(id),
    ];
  }

  /** KRaft storage must be formatted once per node, with the cluster id all nodes share. */
  #formatIfNew(
    java: string,
    classpath: string,
    state: ClusterState,
    id: number,
    secrets: ClusterSecrets | undefined,
  ): void {
    mkdirSync(nodeDir(this.layout, id), { recursive: true });
    writeFileSync(this.#configFile(id), toPropertiesFile(nodeProperties(this.layout, id, secrets)), { mode: 0o600 });
    if (existsSync(join(nodeDir(this.layout, id), 'data', 'meta.properties'))) return;
    this.#log(`Formatting KRaft storage of node ${id} (cluster id ${state.clusterId})`);
    runJava(
      java,
      [
        `-Dlog4j2.configurationFile=${this.#log4jFile()}`,
        '-cp',
        classpath,
        'kafka.tools.StorageTool',
        'format',
        '-t',
        state.clusterId,
        '-c',
        this.#configFile(id),
        ...(secrets ? ['--add-scram', adminScramCredential(secrets)] : []),
      ],
      `Formatting the storage of node ${id}`,
    );
  }

  #prepareState(): ClusterState {
    mkdirSync(this.layout.dir, { recursive: true });
    writeFileSync(this.#log4jFile(), LOG4J2_PROPERTIES);
    const state = this.#readState();
    if (state && state.kafkaVersion !== kafkaVersion()) {
      throw new LocalKafkaError(
        `The data in ${this.layout.dir} was written by Kafka ${state.kafkaVersion}, not ${kafkaVersion()}.`,
        `Start afresh with "npm run kafka:down -- --wipe${this.layout.profile === 'dev' ? '' : ` --profile ${this.layout.profile}`}".`,
      );
    }
    return state ?? { clusterId: newClusterId(), kafkaVersion: kafkaVersion(), pids: {} };
  }

  #readState(): ClusterState | undefined {
    const file = join(this.layout.dir, 'state.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ClusterState) : undefined;
  }

  #writeState(state: ClusterState): void {
    writeFileSync(join(this.layout.dir, 'state.json'), `${JSON.stringify(state, null, 2)}\n`);
  }

  #configFile(id: number): string {
    return join(nodeDir(this.layout, id), 'server.properties');
  }

  #logFile(id: number): string {
    return join(nodeDir(this.layout, id), 'kafka.log');
  }

  #log4jFile(): string {
    return join(this.layout.dir, 'log4j2.properties');
  }
}

/** A Kafka cluster id: 16 random bytes, base64url without padding (what `kafka-storage random-uuid` prints). */
export function newClusterId(): string {
  const id = randomBytes(16).toString('base64url');
  return id.startsWith('-') ? newClusterId() : id; // Kafka avoids ids that look like CLI flags
}
