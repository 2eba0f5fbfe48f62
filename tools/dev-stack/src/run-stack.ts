/**
 * The stack itself: Kafka (unless it runs already), PostgreSQL, the services; and their stop.
 * cli.ts starts this file in a process group of its own, so the terminal's Ctrl-C reaches
 * none of these processes directly: cli.ts passes each Ctrl-C on as one SIGINT, and this file
 * decides who stops when.
 *
 * - The first stop request (Ctrl-C, SIGTERM, or cli.ts gone) stops gracefully, in order: the
 *   services (each drains HTTP, commits, leaves its group, flushes its outbox), then
 *   PostgreSQL, which they needed until the end, then Kafka if this run started it.
 * - Any later request stops at once: each service gets its second signal and exits, the brokers
 *   this run started are killed.
 *
 * Options (after `npm start --`): --inventory=N --notification=N (instances), --base-port=P
 * (ports P, P+1, P+2 instead of 3000-3002), --data-dir=D (lock and PostgreSQL data; default
 * .data), --secure (the secured cluster `dev-secure`: SASL/SCRAM over TLS and ACLs, each
 * service logging in as its own user; its PostgreSQL data apart from the plaintext stack's).
 * KAFKA_BROKERS: use that cluster; it is neither started nor stopped.
 */
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
// For its kafkajs fix alone: the launcher's own kafkajs clients (the cluster's health checks)
// then skip kafkajs's idle loop and its TimeoutNegativeWarning on Node 24 (kafkajs#1751).
import '@orderflow/kafka';
import {
  clientPropertiesFile,
  LocalKafkaCluster,
  LocalKafkaError,
  REPO_ROOT,
  serviceSecurityEnvironment,
} from '@orderflow/kafka-cluster';
import { assertPortsFree } from './ports.ts';
import { listeningLine, stackHost } from './service-environment.ts';
import { waitUntilReady } from './service-process.ts';
import { startStack, type Stack } from './start-stack.ts';
import { takeStackLock } from './stack-lock.ts';
import { parseStackShape, planStack, portsFrom } from './stack-plan.ts';

const log = (line: string) => console.log(`[orderflow] ${line}`);
const started = Date.now();
const host = stackHost(process.env);

// The terminal may be gone (a closed window) while the stack stops: stopping must go on.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

/** The processes asked for and the lock on the data folder, or a one-line reason to stop. */
function prepare() {
  try {
    const { values } = parseArgs({
      options: {
        inventory: { type: 'string' },
        notification: { type: 'string' },
        'base-port': { type: 'string' },
        'data-dir': { type: 'string', default: join(REPO_ROOT, '.data') },
        secure: { type: 'boolean', default: false },
      },
    });
    if (values.secure && process.env['KAFKA_BROKERS'])
      throw new Error('--secure starts the secured local cluster: unset KAFKA_BROKERS');
    const basePort = values['base-port'] === undefined ? undefined : Number(values['base-port']);
    if (basePort !== undefined && !(Number.isInteger(basePort) && basePort >= 1024 && basePort <= 65_000)) {
      throw new Error(`--base-port must be a whole number from 1024 to 65000; got "${values['base-port']}"`);
    }
    const processes = planStack(
      { ...parseStackShape(values), console: true },
      basePort === undefined ? undefined : portsFrom(basePort),
    );
    const dataDir = resolve(values['data-dir']);
    return { processes, dataDir, secure: values.secure, lock: takeStackLock(join(dataDir, 'stack.pid')) };
  } catch (error) {
    console.error(`[orderflow] ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  }
}

async function main(): Promise<void> {
  const { processes, dataDir, secure, lock } = prepare();
  const externalBrokers = process.env['KAFKA_BROKERS']?.split(',');
  let stack: Stack | undefined;
  // Set only when this run starts the local cluster: one that ran before is someone else's.
  let ownCluster: LocalKafkaCluster | undefined;

  let stopRequested: (reason: string) => void = () => {};
  const stopRequest = new Promise<string>((resolve) => (stopRequested = resolve));
  let requests = 0;
  const request = (reason: string) => {
    requests += 1;
    if (requests === 1) {
      log(`${reason}: stopping gracefully${stack ? '' : ' once started'} (Ctrl-C again: stop at once)`);
      stopRequested(reason);
    } else if (requests === 2) {
      void stopAtOnce();
    }
  };
  process.on('SIGINT', () => request('Ctrl-C')).on('SIGTERM', () => request('SIGTERM'));
  // cli.ts, the terminal's side, has gone (killed, or its terminal closed): nobody is left to ask.
  process.on('disconnect', () => request('The terminal side has gone'));

  const stopAtOnce = async () => {
    log(
      `Stopping at once: the services exit now${ownCluster ? ', the Kafka brokers are killed (their next start recovers their logs)' : ''}`,
    );
    await Promise.all((stack?.services ?? []).map((service) => service.hurry()));
    await stack?.postgres.stop();
    const cluster = ownCluster;
    if (cluster) await Promise.all(cluster.nodes().map((node) => cluster.killBroker(node.id)));
    lock.release();
    log('Stopped at once.');
    process.exit(1);
  };

  const stopGracefully = async (exitCode: number) => {
    log(`Stopping the services, then PostgreSQL${ownCluster ? ', then Kafka' : ''}...`);
    await stack?.stop();
    if (ownCluster) {
      log('Stopping Kafka: every broker hands over its partitions (controlled shutdown)...');
      await ownCluster.down();
    }
    lock.release();
    log('Stopped.');
    process.exit(exitCode);
  };

  try {
    await assertPortsFree(processes.map(({ port, label }) => ({ port, label })));
    const cluster = new LocalKafkaCluster({ profile: secure ? 'dev-secure' : 'dev', log });
    const brokers = externalBrokers ?? (await startLocalKafka(cluster, () => (ownCluster = cluster)));
    log(`Kafka is up${secure ? ' (secured: SASL/SCRAM over TLS, ACLs)' : ''}: ${brokers.join(',')}`);
    stack = await startStack({
      processes,
      brokers,
      postgresDataDir: join(dataDir, 'postgres', secure ? 'stack-secure' : 'stack'),
      ...(secure ? { kafkaLoginFor: (app: string) => serviceSecurityEnvironment(cluster.secrets(), app) } : {}),
      output: (line) => console.log(line),
      waitUntilReady: false,
      host,
    });
    const running = stack;
    for (const service of running.services) {
      // Killing an instance is a lesson (its partitions move to the others), not a reason to stop.
      void service.exited.then((how) => requests > 0 || log(`${service.spec.label} ${how}; the others keep running`));
    }
    const ready = Promise.all(running.services.map((service) => waitUntilReady(service)));
    // A Ctrl-C while the services start need not wait for them to be ready.
    if ((await Promise.race([ready.then(() => 'ready' as const), stopRequest])) === 'ready')
      printReady(running, brokers, secure ? cluster : undefined);
  } catch (error) {
    const hint = error instanceof LocalKafkaError ? `\nhint: ${error.hint}` : '';
    console.error(`[orderflow] could not start: ${error instanceof Error ? error.message : String(error)}${hint}`);
    // A start cut short by a stop request is no failure.
    return stopGracefully(requests > 0 ? 0 : 1);
  }
  await stopRequest;
  await stopGracefully(0);
}

/** The local cluster's bootstrap servers; `started` hears if this call started it. */
async function startLocalKafka(cluster: LocalKafkaCluster, started: () => void): Promise<string[]> {
  if (!cluster.nodes().every((node) => node.state === 'running')) started();
  return cluster.up();
}

function printReady(stack: Stack, brokers: readonly string[], secured: LocalKafkaCluster | undefined): void {
  const width = Math.max(...stack.services.map((service) => service.spec.label.length)) + 2;
  const url = (app: string) => stack.services.find((service) => service.spec.app === app)?.url ?? '';
  const lines = [
    '',
    `Orderflow is ready (${((Date.now() - started) / 1000).toFixed(1)} s):`,
    ...stack.services.map((service) => `  ${service.spec.label.padEnd(width)}${service.url}   (pid ${service.pid})`),
    `  ${'Kafka'.padEnd(width)}${brokers.join(',')}`,
    `  ${'PostgreSQL'.padEnd(width)}${stack.postgres.connectionString()}`,
    ...(secured
      ? [
          `  ${'Kafka login'.padEnd(width)}SASL_SSL, SCRAM-SHA-512; CA, passwords and a .properties file per user in ${secured.secrets().dir}`,
          `  ${''.padEnd(width)}e.g. KAFKA_PROFILE=${secured.layout.profile} npm run kafka -- kafka-topics --list --command-config ${clientPropertiesFile(secured.secrets(), 'admin')}`,
        ]
      : []),
    '',
    'Place an order:',
    `  curl -s -X POST ${url('order-service')}/orders -H 'Content-Type: application/json' \\`,
    `    -d '{"customerId":"0195f0a0-0000-7000-8000-00000000c001","email":"ada@example.com","items":[{"sku":"BOOK-1","quantity":1}]}'`,
    `Then: GET /orders/<id> on ${url('order-service')}, /inventory on ${url('inventory-service')}, ` +
      `/notifications?orderId=<id> on ${url('notification-service')}, /status on each.`,
    `${listeningLine(host)} Ctrl-C stops everything (gracefully; a second Ctrl-C: at once).`,
    '',
  ];
  for (const line of lines) log(line);
}

await main();
