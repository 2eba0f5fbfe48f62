import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka, logLevel } from 'kafkajs';
import { uniqueTopicName } from '../unique-names.ts';
import { startTestService } from './start-test-service.ts';
import type { TestServiceApp, TestServiceDeps } from './test-service-app.ts';

type Topics = { readonly orders: string };

/** A stand-in service: /ok answers 200, anything else 404; it remembers what it was given. */
function fakeService(deps: TestServiceDeps<Topics>) {
  let server: Server | undefined;
  return {
    deps,
    stopped: false,
    async start() {
      server = createServer((request, response) => {
        const found = request.url === '/ok';
        response.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
        response.end(JSON.stringify(found ? { method: request.method } : { code: 'NOT_FOUND' }));
      });
      await new Promise<void>((resolve) => server?.listen(deps.port, deps.host, resolve));
    },
    async stop() {
      this.stopped = true;
      const started = server;
      if (started) await new Promise((resolve) => started.close(resolve));
    },
    get url() {
      return `http://${deps.host}:${(server?.address() as AddressInfo | undefined)?.port}`;
    },
  };
}

const fakeApp: TestServiceApp<Topics, ReturnType<typeof fakeService>> = {
  name: 'fake-service',
  databaseLabel: 'fake_service',
  kafka: (brokers, clientId) => new Kafka({ brokers: [...brokers], clientId, logLevel: logLevel.NOTHING }),
  topics: () => ({ orders: uniqueTopicName('fake-orders') }),
  create: fakeService,
};

describe('startTestService', () => {
  it('arrange() returns a 2xx answer and throws with the status and body of any other; act() returns either', async () => {
    const app = await startTestService(fakeApp);
    try {
      expect(await app.arrange('POST', '/ok', { any: 'body' })).toMatchObject({
        status: 200,
        body: { method: 'POST' },
      });
      await expect(app.arrange('GET', '/missing')).rejects.toThrow('GET /missing answered 404: {"code":"NOT_FOUND"}');
      expect(await app.act('GET', '/missing')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    } finally {
      await app.stop();
    }
  });

  it('starts more instances on the same database, topics and group; stop() ends them all, then drops the database', async () => {
    const app = await startTestService(fakeApp, { instances: 2 });
    const third = await app.startInstance();

    expect(app.urls).toEqual(app.instances.map((instance) => instance.url));
    expect(new Set(app.urls).size).toBe(3);
    expect(app.url).toBe(app.urls[0]);
    for (const { deps } of app.instances) {
      expect(deps).toMatchObject({ pool: app.database.pool, topics: app.topics, groupId: app.groupId });
    }
    expect(third.deps.kafka).toBe(app.kafka);

    await app.stop();

    expect(app.instances.map((instance) => instance.stopped)).toEqual([true, true, true]);
    expect(app.database.pool.ended).toBe(true);
  });

  it('leaves nothing behind when an instance fails to start', async () => {
    let prepared: { readonly ended: boolean } | undefined;
    const failing: typeof fakeApp = {
      ...fakeApp,
      prepare: async ({ database }) => void (prepared = database.pool),
      create: (deps) => ({ ...fakeService(deps), start: () => Promise.reject(new Error('port taken')) }),
    };

    await expect(startTestService(failing)).rejects.toThrow('port taken');
    expect(prepared?.ended).toBe(true);
  });

  it('adds the extras the app builds on it', async () => {
    const app = await startTestService({ ...fakeApp, extras: (service) => ({ firstUrl: () => service.url }) });
    try {
      expect(app.firstUrl()).toBe(app.url);
    } finally {
      await app.stop();
    }
  });
});
