import { randomUUID } from 'node:crypto';
import { topics } from '@orderflow/events';
import { findFreePort } from '@orderflow/service';
import { describeWithDocker, requestJson, waitFor } from '@orderflow/testing';
import { notificationKinds, orderReaches } from '../spec-helpers/running-stack.ts';
import { kafkaErrorType } from '@orderflow/kafka';
import { composeProject, type ComposeProject } from './compose-project.ts';
import {
  aclsOnCluster,
  kafkaOnHost,
  plannedAcls,
  readStackSecrets,
  secureComposeFiles,
  type StackSecrets,
} from './secure-compose.ts';

// docker-compose.yml with docker-compose.secure.yml, for real: TLS, a SCRAM login per service
// and the access plan's ACLs, started by the compose files alone. The order flow proves every
// service logged in and may do its job; the host's clients show that the cluster says no.
// Kept short on purpose (CI time): one order, the ACLs, two refusals. A project name and
// host ports of its own; `down -v` always ends it, the secrets volume with it.

describeWithDocker('docker compose, secured: TLS, SCRAM logins and ACLs', () => {
  let compose: ComposeProject;
  let orders = '';
  let notifications = '';
  let brokers: string[] = [];
  let secrets: StackSecrets;
  const urlOf = (app: string) =>
    app === 'order-service' ? orders : app === 'notification-service' ? notifications : '';

  beforeAll(async () => {
    const kafkaPorts = [await findFreePort(), await findFreePort(), await findFreePort()];
    const [orderPort, notificationPort, consolePort] = [
      await findFreePort(),
      await findFreePort(),
      await findFreePort(),
    ];
    compose = composeProject(
      `orderflow-e2e-secure-${randomUUID().slice(0, 8)}`,
      {
        HOST_PORT_KAFKA_1: String(kafkaPorts[0]),
        HOST_PORT_KAFKA_2: String(kafkaPorts[1]),
        HOST_PORT_KAFKA_3: String(kafkaPorts[2]),
        HOST_PORT_ORDER_SERVICE: String(orderPort),
        HOST_PORT_NOTIFICATION_SERVICE: String(notificationPort),
        HOST_PORT_CONSOLE: String(consolePort),
      },
      secureComposeFiles,
    );
    brokers = kafkaPorts.map((port) => `localhost:${port}`);
    orders = `http://127.0.0.1:${orderPort}`;
    notifications = `http://127.0.0.1:${notificationPort}`;
    const built = Date.now();
    await compose.run(['build']);
    const started = Date.now();
    try {
      await compose.run(['up', '-d'], { timeoutMs: 900_000 });
    } catch (error) {
      // What the containers said is the clue when one never became healthy.
      console.error(await compose.run(['logs', '--tail', '40']).catch(() => 'no logs'));
      throw error;
    }
    secrets = await readStackSecrets(compose);
    console.log(
      `secured compose stack: build ${((started - built) / 1000).toFixed(0)} s, up ${((Date.now() - started) / 1000).toFixed(0)} s`,
    );
  }, 1_200_000);

  afterAll(async () => {
    await compose?.run(['down', '-v', '--remove-orphans'], { timeoutMs: 180_000 });
  }, 200_000);

  it('takes an order to CONFIRMED and SHIPPED with its 3 notifications, each service logged in as its own user', async () => {
    // `up -d` returns once the services started; they answer /ready once logged in to Kafka.
    for (const url of [orders, notifications]) {
      await waitFor(async () => (await requestJson(`${url}/ready`).catch(() => undefined))?.status === 200, {
        description: `${url}/ready`,
        timeoutMs: 180_000,
      });
    }
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

  it("holds exactly the access plan's ACLs, as the admin sees them from the host", async () => {
    const admin = kafkaOnHost(brokers, secrets, 'admin').admin();
    await admin.connect();
    try {
      expect(await aclsOnCluster(admin)).toEqual(plannedAcls());
    } finally {
      await admin.disconnect();
    }
  });

  it('refuses notification-service a write to orders (TOPIC_AUTHORIZATION_FAILED), and a client without TLS and login', async () => {
    const producer = kafkaOnHost(brokers, secrets, 'notification-service').producer({
      idempotent: true,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    try {
      const refusal = await producer
        .send({ topic: topics.orders.name, acks: -1, messages: [{ key: 'forged', value: 'not yours' }] })
        .then(
          () => undefined,
          (error: unknown) => error,
        );
      expect(kafkaErrorType(refusal)).toBe('TOPIC_AUTHORIZATION_FAILED');
    } finally {
      await producer.disconnect();
    }

    const plaintext = kafkaOnHost(brokers, secrets, 'admin', {
      ssl: false,
      sasl: undefined,
      retry: { retries: 0 },
      connectionTimeout: 3_000,
    }).admin();
    await expect(plaintext.connect().then(() => plaintext.listTopics())).rejects.toThrow();
    await plaintext.disconnect();
  });
});
