/**
 * `npm start`: the whole system on this machine, no Docker needed.
 *
 *   npm start                                   one process per service
 *   npm start -- --inventory=3                  three inventory-service instances in one group
 *   npm start -- --inventory=2 --notification=2
 *
 * Starts the local 3-broker Kafka cluster (unless it runs already), an embedded PostgreSQL
 * with a database per service (data kept in .data/postgres/stack), then the services, each
 * as its own Node.js process. Their logs are shown with the process's name in front. Ctrl-C
 * stops everything this command started.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { LocalKafkaCluster, LocalKafkaError, REPO_ROOT } from '@orderflow/local-kafka';
import { assertPortsFree } from './ports.ts';
import { startStack, type Stack } from './start-stack.ts';
import { takeStackLock } from './stack-lock.ts';
import { parseStackShape, planStack } from './stack-plan.ts';

const log = (line: string) => console.log(`[orderflow] ${line}`);
const started = Date.now();

/** The processes asked for and the lock on this folder, or a one-line reason to stop. */
function prepare() {
  try {
    const { values } = parseArgs({ options: { inventory: { type: 'string' }, notification: { type: 'string' } } });
    const processes = planStack({ ...parseStackShape(values), console: true });
    return { processes, lock: takeStackLock(join(REPO_ROOT, '.data', 'stack.pid')) };
  } catch (error) {
    console.error(`[orderflow] ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  }
}

async function main(): Promise<void> {
  const { processes, lock } = prepare();
  let stack: Stack | undefined;
  let cluster: LocalKafkaCluster | undefined;
  let kafkaWasRunning = false;
  let stopping = false;

  const stopEverything = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping the services, PostgreSQL' + (kafkaWasRunning ? '' : ' and Kafka') + '...');
    await stack?.stop();
    // A cluster that ran before `npm start` keeps running: someone else started it.
    if (cluster && !kafkaWasRunning) await cluster.down();
    lock.release();
    log('Stopped.');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopEverything(0)).on('SIGTERM', () => void stopEverything(0));

  try {
    await assertPortsFree(processes.map(({ port, label }) => ({ port, label })));
    cluster = new LocalKafkaCluster({ profile: 'dev', log });
    kafkaWasRunning = cluster.nodes().every((node) => node.state === 'running');
    const brokers = await cluster.up();
    log(`Kafka is up: ${brokers.join(',')}`);
    stack = await startStack({ processes, brokers, postgresDataDir: join(REPO_ROOT, '.data', 'postgres', 'stack'), output: (line) => console.log(line) });
    for (const service of stack.services) {
      // Killing an instance is a lesson (its partitions move to the others), not a reason to stop.
      void service.exited.then((how) => stopping || log(`${service.spec.label} ${how}; the others keep running`));
    }
    printReady(stack, brokers);
  } catch (error) {
    const hint = error instanceof LocalKafkaError ? `\nhint: ${error.hint}` : '';
    console.error(`[orderflow] could not start: ${error instanceof Error ? error.message : String(error)}${hint}`);
    await stopEverything(1);
  }
}

function printReady(stack: Stack, brokers: readonly string[]): void {
  const width = Math.max(...stack.services.map((service) => service.spec.label.length)) + 2;
  const lines = [
    '',
    `Orderflow is ready (${((Date.now() - started) / 1000).toFixed(1)} s):`,
    ...stack.services.map((service) => `  ${service.spec.label.padEnd(width)}${service.url}   (pid ${service.pid})`),
    `  ${'Kafka'.padEnd(width)}${brokers.join(',')}`,
    `  ${'PostgreSQL'.padEnd(width)}${stack.postgres.connectionString()}`,
    '',
    'Place an order:',
    `  curl -s -X POST http://127.0.0.1:3000/orders -H 'Content-Type: application/json' \\`,
    `    -d '{"customerId":"0195f0a0-0000-7000-8000-00000000c001","email":"ada@example.com","items":[{"sku":"BOOK-1","quantity":1}]}'`,
    'Then: GET /orders/<id> on :3000, /inventory on :3001, /notifications?orderId=<id> on :3002, /status on each.',
    'Ctrl-C stops everything.',
    '',
  ];
  for (const line of lines) log(line);
}

await main();
