import { randomUUID } from 'node:crypto';
import { startStack, type ServiceProcessSpec, type Stack } from '@orderflow/dev-stack';
import { deadLetterTopicName, inventoryTopic, ordersTopic } from '@orderflow/events';
import { createKafkaClient } from '@orderflow/kafka';
import { queryOnce } from '@orderflow/service';
import { recordCount, testCluster, waitFor } from '@orderflow/testing';
import type { Kafka } from 'kafkajs';
import { planOnFreePorts } from '../../spec-helpers/running-stack.ts';
import { startTcpProxy, type TcpProxy } from './tcp-proxy.ts';

export type FaultStack = {
  readonly stack: Stack;
  readonly kafka: Kafka;
  readonly brokers: readonly string[];
  /** Sits between inventory-service and its database: `cut()` makes the database unreachable. */
  readonly inventoryDatabase: TcpProxy;
  /** The spec of a process, to start it again after killing it, or to add an instance. */
  spec(app: string, instance: number): ServiceProcessSpec;
  readonly orderServiceUrl: () => string;
  /** A new product for one scenario, with this many units. */
  newProduct(units: number): Promise<string>;
  /** Records on every dead-letter topic of the system. */
  deadLetters(): Promise<number>;
  /** Output of the services, kept for a failing test to show. */
  readonly output: string[];
  stop(): Promise<void>;
};

const deadLetterTopicNames = [
  deadLetterTopicName(ordersTopic, 'inventory-service'),
  deadLetterTopicName(ordersTopic, 'notification-service'),
  deadLetterTopicName(inventoryTopic, 'order-service'),
];

/** The topics the system uses, committed offsets included: a scenario waits for their full ISR. */
export const systemTopics = [ordersTopic.name, inventoryTopic.name, ...deadLetterTopicNames, '__consumer_offsets'];

/**
 * The whole system as processes (as `npm start` runs it) on the test cluster, with room to
 * hurt it: inventory-service reaches its database through a TCP proxy, and every process can
 * be killed and started again on the same port. Up to 4 instances per consumer have ports.
 */
export async function startFaultStack(options: { inventory: number; waitUntilReady?: boolean }): Promise<FaultStack> {
  const { brokers } = await testCluster();
  const kafka = createKafkaClient({ brokers, clientId: 'fault-checker' });
  const specs = await planOnFreePorts({ inventory: 4, notification: 1 });
  const spec = (app: string, instance: number) => {
    const found = specs.find((candidate) => candidate.app === app && candidate.instance === instance);
    if (!found) throw new Error(`no port planned for ${app}#${instance}`);
    return found;
  };
  const processes = specs.filter(
    (candidate) => candidate.app !== 'inventory-service' || candidate.instance <= options.inventory,
  );

  let proxy: TcpProxy | undefined;
  const output: string[] = [];
  const stack = await startStack({
    processes,
    brokers,
    output: (line) => output.push(line),
    logLevel: 'warn',
    waitUntilReady: options.waitUntilReady ?? true,
    databaseUrlFor: (app, url) => {
      if (app !== 'inventory-service' || !proxy) return url;
      const viaProxy = new URL(url);
      viaProxy.port = String(proxy.port);
      return viaProxy.toString();
    },
    // The proxy needs the server's port, known only once PostgreSQL runs: see onPostgres.
    onPostgres: async (postgresPort) => {
      proxy = await startTcpProxy(postgresPort);
    },
  });
  const inventoryDatabase = proxy;
  if (!inventoryDatabase) throw new Error('the database proxy did not start');

  return {
    stack,
    kafka,
    brokers,
    inventoryDatabase,
    spec,
    orderServiceUrl: () => stack.process('order-service').url,
    async newProduct(units) {
      const sku = `FAULT-${randomUUID().slice(0, 8)}`;
      await queryOnce(
        stack.databaseUrls.get('inventory-service') ?? '',
        'INSERT INTO stock (sku, name, on_hand) VALUES ($1, $1, $2)',
        [sku, units],
      );
      return sku;
    },
    async deadLetters() {
      const counts = await Promise.all(deadLetterTopicNames.map((topic) => recordCount(kafka, topic)));
      return counts.reduce((sum, count) => sum + count, 0);
    },
    output,
    async stop() {
      await stack.stop();
      await inventoryDatabase.stop();
    },
  };
}

/** Waits until every running process answers /ready again (after a fault healed). */
export async function allReady(faultStack: FaultStack, timeoutMs = 120_000): Promise<void> {
  const running = faultStack.stack.services.filter((service) => service.running());
  await waitFor(
    async () =>
      (
        await Promise.all(
          running.map((service) =>
            fetch(`${service.url}/ready`).then(
              (r) => r.ok,
              () => false,
            ),
          ),
        )
      ).every(Boolean),
    {
      description: `${running.map((service) => service.spec.label).join(', ')} to be ready`,
      timeoutMs,
      intervalMs: 500,
    },
  );
}
