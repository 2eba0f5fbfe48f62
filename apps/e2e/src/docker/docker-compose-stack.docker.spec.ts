import { randomUUID } from 'node:crypto';
import { findFreePort } from '@orderflow/service';
import { describeWithDocker, requestJson, waitFor } from '@orderflow/testing';
import { Kafka, logLevel } from 'kafkajs';
import { notificationKinds, orderReaches } from '../spec-helpers/running-stack.ts';
import { firstTime, recordComposeEvents, type ContainerEvent } from './compose-events.ts';
import { composeProject, type ComposeProject } from './compose-project.ts';

// docker-compose.yml for real: built, started in order, driven through its published ports as
// the README's walkthrough does, scaled, and with a broker stopped. A project name and host
// ports of its own keep it apart from any stack a person runs; `down -v` always ends it.
// The images are the settings' (KAFKA_IMAGE, POSTGRES_IMAGE, NODE_IMAGE): the official ones
// by default, the offline stand-ins where CI sets them (tools/offline-images).

const BROKERS = ['kafka-1', 'kafka-2', 'kafka-3'];
const SERVICES = ['order-service', 'inventory-service', 'notification-service'];

describeWithDocker('docker compose: the whole stack in containers', () => {
  let compose: ComposeProject;
  let recorder: { events: ContainerEvent[]; stop(): void };
  let orders = '';
  let notifications = '';
  let consoleUrl = '';
  let kafkaHostPorts: number[] = [];
  const urlOf = (app: string) =>
    app === 'order-service' ? orders : app === 'notification-service' ? notifications : '';

  beforeAll(async () => {
    kafkaHostPorts = [await findFreePort(), await findFreePort(), await findFreePort()];
    const [orderPort, notificationPort, consolePort] = [
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
    ];
    const name = `orderflow-e2e-${randomUUID().slice(0, 8)}`;
    compose = composeProject(name, {
      HOST_PORT_KAFKA_1: String(kafkaHostPorts[0]),
      HOST_PORT_KAFKA_2: String(kafkaHostPorts[1]),
      HOST_PORT_KAFKA_3: String(kafkaHostPorts[2]),
      HOST_PORT_ORDER_SERVICE: String(orderPort),
      HOST_PORT_NOTIFICATION_SERVICE: String(notificationPort),
      HOST_PORT_CONSOLE: String(consolePort),
    });
    consoleUrl = `http://127.0.0.1:${consolePort}`;
    orders = `http://127.0.0.1:${orderPort}`;
    notifications = `http://127.0.0.1:${notificationPort}`;
    recorder = recordComposeEvents(name);
    await compose.run(['build']);
    try {
      await compose.run(['up', '-d'], { timeoutMs: 900_000 });
    } catch (error) {
      // What the containers said is the clue when one never became healthy.
      console.error(await compose.run(['logs', '--tail', '40']).catch(() => 'no logs'));
      throw error;
    }
  }, 1_200_000);

  afterAll(async () => {
    recorder?.stop();
    await compose?.run(['down', '-v', '--remove-orphans'], { timeoutMs: 180_000 });
  }, 200_000);

  it('brings every service to healthy, in the documented order', async () => {
    const healthy = 'health_status: healthy';
    await waitFor(() => SERVICES.every((service) => firstTime(recorder.events, service, healthy)), {
      description: 'the three services to be healthy (/ready answers 200)',
      timeoutMs: 240_000,
    });
    const { events } = recorder;
    const setupStarted = firstTime(events, 'kafka-setup', 'start') ?? 0;
    const setupExit = events.find((event) => event.service === 'kafka-setup' && event.status === 'die');
    // brokers healthy, postgres healthy -> kafka-setup ran and exited 0 -> the services started.
    for (const dependency of [...BROKERS, 'postgres']) {
      expect({
        dependency,
        healthyBeforeSetup: (firstTime(events, dependency, healthy) ?? Infinity) < setupStarted,
      }).toEqual({
        dependency,
        healthyBeforeSetup: true,
      });
    }
    expect(setupExit?.exitCode).toBe(0);
    for (const service of SERVICES) {
      expect({
        service,
        startedAfterSetup: (firstTime(events, service, 'start') ?? 0) > (setupExit?.timeNano ?? Infinity),
      }).toEqual({
        service,
        startedAfterSetup: true,
      });
    }
  });

  it("takes the README's walkthrough order to CONFIRMED and SHIPPED over the published ports, with its notifications", async () => {
    const placed = await requestJson(`${orders}/orders`, 'POST', {
      customerId: randomUUID(),
      email: 'ada@example.com',
      items: [{ sku: 'BOOK-1', quantity: 2 }],
    });
    expect(placed.status).toBe(201);
    const orderId = String(placed.body['id']);
    await orderReaches({ urlOf }, orderId, 'CONFIRMED');
    const shipped = await requestJson(`${orders}/orders/${orderId}/ship`, 'POST', {
      trackingUrl: 'https://track.example/42',
    });
    expect(shipped.body['status']).toBe('SHIPPED');
    expect(await notificationKinds({ urlOf }, orderId, 3)).toEqual([
      'order-received',
      'order-confirmed',
      'order-shipped',
    ]);
  });

  it('serves the console on its loopback port: the page, 3 brokers up and a quorum of 3 voters', async () => {
    const page = await fetch(`${consoleUrl}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Orderflow Console</title>');
    const view = await waitFor(
      async () => {
        const { body } = await requestJson(`${consoleUrl}/api/view`);
        const brokers = (body['brokers'] ?? []) as { up: boolean }[];
        return brokers.filter((broker) => broker.up).length === 3 ? body : undefined;
      },
      { description: 'the console to show 3 brokers up', timeoutMs: 120_000 },
    );
    expect((view['quorum'] as { voters?: unknown[] }).voters).toHaveLength(3);
  });

  it('splits the 6 partitions of orders 2/2/2 over 3 inventory-service instances, none held twice', async () => {
    await compose.run(['up', '-d', '--scale', 'inventory-service=3']);
    const statusUrls = await Promise.all(
      [1, 2, 3].map(
        async (index) => `http://127.0.0.1:${await compose.hostPort('inventory-service', 3001, index)}/status`,
      ),
    );
    const assignments = await waitFor(
      async () => {
        const held = await Promise.all(
          statusUrls.map(async (url) => {
            const answer = await requestJson(url).catch(() => undefined);
            const consumer = answer?.body['consumer'] as { assignment?: Record<string, number[]> } | undefined;
            return (consumer?.assignment?.['orders'] ?? []).slice().sort((a, b) => a - b);
          }),
        );
        return held.every((partitions) => partitions.length === 2) ? held : undefined;
      },
      { description: 'three inventory instances holding 2 partitions each', timeoutMs: 180_000 },
    );
    expect(assignments.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('keeps confirming orders with kafka-2 stopped, and has every ISR back to 3 after it starts again', async () => {
    await compose.run(['stop', 'kafka-2']);
    const placed = await requestJson(`${orders}/orders`, 'POST', {
      customerId: randomUUID(),
      email: 'grace@example.com',
      items: [{ sku: 'BOOK-1', quantity: 1 }],
    });
    expect(placed.status).toBe(201);
    await orderReaches({ urlOf }, String(placed.body['id']), 'CONFIRMED');

    await compose.run(['start', 'kafka-2']);
    const kafka = new Kafka({
      clientId: 'compose-e2e',
      brokers: kafkaHostPorts.map((port) => `localhost:${port}`),
      logLevel: logLevel.NOTHING,
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      await waitFor(
        async () => {
          const { topics } = await admin.fetchTopicMetadata();
          const short = topics.flatMap((topic) =>
            topic.partitions
              .filter((partition) => partition.isr.length !== 3)
              .map((p) => `${topic.name}[${p.partitionId}]`),
          );
          return topics.length > 0 && short.length === 0;
        },
        { description: 'every partition of every topic to have an ISR of 3 again', timeoutMs: 180_000 },
      );
    } finally {
      await admin.disconnect();
    }
  });

  it("describes the orders topic with replication factor 3 using kafka-topics.sh inside kafka-1, as the compose file's comments show", async () => {
    const output = await compose.run([
      'exec',
      '-T',
      'kafka-1',
      '/opt/kafka/bin/kafka-topics.sh',
      '--bootstrap-server',
      'localhost:19092',
      '--describe',
      '--topic',
      'orders',
    ]);
    expect(output).toMatch(/Topic: orders\s+TopicId: \S+\s+PartitionCount: 6\s+ReplicationFactor: 3/);
  });
});
