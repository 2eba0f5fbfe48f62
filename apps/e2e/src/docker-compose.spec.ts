import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { BlockList, isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { consoleConfig } from '@orderflow/console/config';
import { inventoryServiceConfig } from '@orderflow/inventory-service/config';
import { notificationServiceConfig } from '@orderflow/notification-service/config';
import { orderServiceConfig } from '@orderflow/order-service/config';
import { composeFileWithDefaults } from '@orderflow/local-kafka';
import { parse } from 'yaml';

/**
 * The Docker part of the stack, checked by reading it (with its settings at their defaults;
 * apps/e2e/src/docker/ runs it for real): every
 * service in docker-compose.yml gets an environment its own config schema accepts, Kafka and
 * PostgreSQL addresses that exist inside the compose network, and a start order that waits
 * for what it needs; every port published on the host's loopback only; the Dockerfile builds
 * what compose asks for. (The Kafka brokers themselves are checked by
 * tools/local-kafka/src/docker-compose.spec.ts.)
 */

const repoRoot = resolve(import.meta.dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

interface ComposeService {
  image?: string;
  container_name?: string;
  build?: { context?: string; target?: string; args?: Record<string, string> };
  restart?: string;
  environment?: Record<string, string>;
  ports?: PortEntry[];
  volumes?: string[];
  depends_on?: Record<string, { condition?: string }>;
  healthcheck?: { test?: string[] };
}

/** A `ports` entry in either syntax compose accepts: short (a string, or a bare number) or long. */
type PortEntry =
  | string
  | number
  | { target?: number; published?: number | string; host_ip?: string; protocol?: string; mode?: string };

const compose = parse(composeFileWithDefaults(), { merge: true }) as { services: Record<string, ComposeService> };
const services = compose.services;
const service = (name: string): ComposeService => {
  const found = services[name];
  if (found === undefined) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
};

/** The structural part of a zod object schema this spec uses (the apps export zod schemas). */
interface ConfigSchema {
  safeParse(
    input: unknown,
  ):
    | { success: true; data: { PORT: number; KAFKA_BROKERS: string[]; DATABASE_URL?: string | undefined } }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/** The three services, each with the config schema its main.ts parses the environment with. */
const appServices: readonly (readonly [name: string, schema: ConfigSchema])[] = [
  ['order-service', orderServiceConfig],
  ['inventory-service', inventoryServiceConfig],
  ['notification-service', notificationServiceConfig],
];

/** The environment as the service's main.ts would read it; throws naming every bad variable. */
function configOf(name: string, schema: ConfigSchema) {
  const result = schema.safeParse(service(name).environment ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    throw new Error(`${name}'s environment in docker-compose.yml is invalid:\n- ${problems.join('\n- ')}`);
  }
  return result.data;
}

const brokers = Object.entries(services).filter(([, candidate]) => candidate.image?.startsWith('apache/kafka'));
/** `INTERNAL://kafka-1:19092,EXTERNAL://localhost:9092` → 'kafka-1:19092' */
const internalListener = (broker: ComposeService): string | undefined =>
  (broker.environment?.['KAFKA_ADVERTISED_LISTENERS'] ?? '')
    .split(',')
    .map((listener) => listener.split('://'))
    .find(([name]) => name === 'INTERNAL')?.[1];

/**
 * Where a `ports` entry publishes. Short syntax is `[[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`,
 * split the way Docker splits it: the last two fields are the ports, everything before them the
 * address (an IPv6 one with or without brackets). An empty hostIp is Docker's default, every
 * interface; an empty hostPort is a free port.
 */
function publishedPort(entry: PortEntry): { hostIp: string; hostPort: string; containerPort: number } {
  // Long syntax. Compose v1 (1.29) rejects host_ip, so the file itself keeps to short syntax.
  if (typeof entry === 'object') {
    return {
      hostIp: entry.host_ip ?? '',
      hostPort: String(entry.published ?? ''),
      containerPort: entry.target ?? Number.NaN,
    };
  }
  const fields = String(entry).split('/')[0]?.split(':') ?? [];
  return {
    hostIp: fields
      .slice(0, -2)
      .join(':')
      .replace(/^\[(.*)\]$/, '$1'),
    hostPort: fields.length > 1 ? (fields.at(-2) ?? '') : '',
    containerPort: Number(fields.at(-1)),
  };
}
const containerPort = (entry: PortEntry | undefined): number =>
  entry === undefined ? Number.NaN : publishedPort(entry).containerPort;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');
/** True when the entry's address is a loopback one: '' (every interface), 0.0.0.0 or a setting left unset are not. */
const publishesOnLoopback = (entry: PortEntry): boolean => {
  const { hostIp } = publishedPort(entry);
  const family = isIP(hostIp);
  return family !== 0 && loopback.check(hostIp, family === 6 ? 'ipv6' : 'ipv4');
};

/** docker/postgres/create-databases.sql, found through the postgres service's volume mount. */
function initScript(): { path: string; sql: string } {
  const mount = (service('postgres').volumes ?? []).find((volume) => volume.includes(':/docker-entrypoint-initdb.d/'));
  const path = mount?.split(':')[0] ?? '';
  return { path, sql: path === '' ? '' : read(path) };
}
const createdDatabases = (sql: string) =>
  new Map([...sql.matchAll(/CREATE DATABASE\s+(\w+)(?:\s+OWNER\s+(\w+))?/gi)].map(([, name, owner]) => [name, owner]));
const createdLogins = (sql: string) =>
  new Map(
    [...sql.matchAll(/CREATE ROLE\s+(\w+)\s+LOGIN\s+PASSWORD\s+'([^']*)'/gi)].map(([, name, password]) => [
      name,
      password,
    ]),
  );

describe('docker-compose.yml, the services', () => {
  it('runs order-service, inventory-service, notification-service and the console, each built from the Dockerfile for its app', () => {
    const built = Object.entries(services).filter(([, candidate]) => candidate.build?.args?.['SERVICE'] !== undefined);
    expect(built.map(([name]) => name).sort()).toEqual([...appServices.map(([name]) => name), 'console'].sort());
    for (const [name, { build }] of built) {
      expect({ name, context: build?.context, service: build?.args?.['SERVICE'] }).toEqual({
        name,
        context: '.',
        service: name,
      });
      // The Dockerfile's `service` stage runs apps/$SERVICE/src/main.ts.
      expect(existsSync(join(repoRoot, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
  });

  describe.each(appServices)('%s', (name, schema) => {
    it('has an environment that its own config schema accepts (every required variable set and valid)', () => {
      expect(() => configOf(name, schema)).not.toThrow();
    });

    it('listens on the port that the image is built for, that its healthcheck asks and that it publishes', () => {
      const { PORT } = configOf(name, schema);
      const { build, healthcheck, ports = [] } = service(name);
      expect(build?.args?.['PORT']).toBe(String(PORT));
      expect(healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${PORT}/ready`);
      expect(ports.length).toBeGreaterThan(0);
      for (const entry of ports) expect({ entry, port: containerPort(entry) }).toEqual({ entry, port: PORT });
    });

    it("bootstraps from exactly the brokers' INTERNAL listeners, the ones containers can reach", () => {
      const { KAFKA_BROKERS } = configOf(name, schema);
      expect(brokers).toHaveLength(3);
      expect([...KAFKA_BROKERS].sort()).toEqual(brokers.map(([, broker]) => internalListener(broker)).sort());
    });

    it('uses a database on the postgres service that the init script creates, with the login that owns it', () => {
      const { DATABASE_URL } = configOf(name, schema);
      // Unset, the service would try to start an embedded PostgreSQL, which the image lacks.
      expect(DATABASE_URL).toBeDefined();
      const url = new URL(DATABASE_URL ?? '');
      expect(url.hostname).toBe('postgres');
      expect(['', '5432']).toContain(url.port);
      const database = url.pathname.slice(1);
      const { sql } = initScript();
      expect(createdDatabases(sql).get(database)).toBe(url.username);
      expect(createdLogins(sql).get(url.username)).toBe(decodeURIComponent(url.password));
    });

    it('starts only after the brokers and postgres are healthy and kafka-setup has finished successfully', () => {
      expect(service(name).depends_on).toEqual({
        'kafka-1': { condition: 'service_healthy' },
        'kafka-2': { condition: 'service_healthy' },
        'kafka-3': { condition: 'service_healthy' },
        postgres: { condition: 'service_healthy' },
        'kafka-setup': { condition: 'service_completed_successfully' },
      });
    });
  });

  it('gives every service a database of its own', () => {
    const databases = appServices.map(([name, schema]) => new URL(configOf(name, schema).DATABASE_URL ?? '').pathname);
    expect(new Set(databases).size).toBe(appServices.length);
  });

  it('names no container, so compose can run several instances of a service', () => {
    const named = Object.entries(services).filter(([, candidate]) => candidate.container_name !== undefined);
    expect(named.map(([name]) => name)).toEqual([]);
  });

  it('lets inventory-service scale (`--scale inventory-service=3`): it publishes no fixed host port', () => {
    // "127.0.0.1::3001" publishes the container port on a free host port per instance;
    // "127.0.0.1:3001:3001" would make the second instance fail to start.
    const ports = service('inventory-service').ports ?? [];
    expect(ports.length).toBeGreaterThan(0);
    for (const entry of ports)
      expect({ entry, hostPort: publishedPort(entry).hostPort }).toEqual({ entry, hostPort: '' });
  });
});

describe('docker-compose.yml, the console', () => {
  const parsed = () => consoleConfig.parse(service('console').environment ?? {});

  it('has an environment its config schema accepts, naming each service by its compose address', () => {
    const { CONSOLE_SERVICES } = parsed();
    expect(CONSOLE_SERVICES.map(({ label }) => label).sort()).toEqual(appServices.map(([name]) => name).sort());
    for (const { label, url } of CONSOLE_SERVICES) {
      const port = containerPort(service(label).ports?.[0]);
      expect(url).toBe(`http://${label}:${port}`);
    }
  });

  it('listens on every interface in its container, and is published on the host loopback only', () => {
    const { HOST, PORT } = parsed();
    expect(HOST).toBe('0.0.0.0');
    const [published, ...others] = service('console').ports ?? [];
    expect(others).toEqual([]);
    expect(published !== undefined && publishesOnLoopback(published)).toBe(true);
    expect(containerPort(published)).toBe(PORT);
    expect(service('console').build?.args?.['PORT']).toBe(String(PORT));
    expect(service('console').healthcheck?.test?.join(' ')).toContain(`http://127.0.0.1:${PORT}/ready`);
  });

  it("bootstraps from the brokers' INTERNAL listeners and starts after the topics are provisioned", () => {
    expect([...parsed().KAFKA_BROKERS].sort()).toEqual(brokers.map(([, broker]) => internalListener(broker)).sort());
    expect(service('console').depends_on).toMatchObject({
      'kafka-setup': { condition: 'service_completed_successfully' },
    });
  });
});

describe('docker-compose.yml, published ports', () => {
  // The brokers (PLAINTEXT, no ACLs) and the services' APIs authenticate no one: on every
  // interface, anyone on the network could write forged events, read e-mail addresses or
  // delete topics. BIND_ADDRESS=0.0.0.0 opens them on purpose; nothing may do it by default.
  const published = Object.entries(services).flatMap(([name, { ports = [] }]) =>
    ports.map((entry) => ({ service: name, entry })),
  );

  it('publishes every port of every service, in short or long syntax, on the host loopback only by default', () => {
    expect(published.map(({ service: name }) => name)).toEqual(
      expect.arrayContaining([
        'kafka-1',
        'kafka-2',
        'kafka-3',
        'order-service',
        'inventory-service',
        'notification-service',
        'console',
      ]),
    );
    const onAllInterfaces = published.filter(({ entry }) => !publishesOnLoopback(entry));
    expect(onAllInterfaces).toEqual([]);
  });

  it('takes every published address from the one setting BIND_ADDRESS, loopback when unset', () => {
    // The file as written, before defaults: one variable opens them all, or none.
    const written = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, ComposeService> };
    const setting = '${BIND_ADDRESS:-127.0.0.1}';
    const entries = Object.entries(written.services).flatMap(([name, { ports = [] }]) =>
      ports.map((entry) => ({ service: name, entry })),
    );
    expect(entries).toHaveLength(published.length);
    const fromSetting = (entry: PortEntry): boolean =>
      typeof entry === 'object' ? entry.host_ip === setting : String(entry).startsWith(`${setting}:`);
    expect(entries.filter(({ entry }) => !fromSetting(entry))).toEqual([]);
  });

  it('tells a loopback entry from one on every interface, in both syntaxes (so the checks above can fail)', () => {
    const examples: readonly (readonly [PortEntry, boolean])[] = [
      ['127.0.0.1:9092:9092', true],
      ['127.0.0.1::3001', true],
      ['127.0.0.1:3000:3000/tcp', true],
      ['[::1]:3000:3000', true],
      ['::1:3000:3000', true],
      [{ target: 3000, published: 3000, host_ip: '127.0.0.1' }, true],
      ['3001', false],
      [3001, false],
      ['9092:9092', false],
      [':9092:9092', false],
      ['0.0.0.0:9092:9092', false],
      ['[::]:9092:9092', false],
      ['${BIND_ADDRESS}:9092:9092', false], // no default: compose puts '', every interface
      [{ target: 3000, published: 3000 }, false],
      [{ target: 3000, host_ip: '0.0.0.0' }, false],
    ];
    expect(examples.map(([entry]) => [entry, publishesOnLoopback(entry)])).toEqual(examples);
  });
});

describe('docker-compose.yml, kafka-setup and postgres', () => {
  it('provisions the topics once, with the Dockerfile kafka-setup stage, after all three brokers are healthy', () => {
    const setup = service('kafka-setup');
    expect(setup.build).toEqual({ context: '.', target: 'kafka-setup', args: { NODE_IMAGE: 'node:24-bookworm-slim' } });
    expect(setup.restart).toBe('no');
    expect(setup.depends_on).toEqual({
      'kafka-1': { condition: 'service_healthy' },
      'kafka-2': { condition: 'service_healthy' },
      'kafka-3': { condition: 'service_healthy' },
    });
    expect((setup.environment?.['KAFKA_BROKERS'] ?? '').split(',').sort()).toEqual(
      brokers.map(([, broker]) => internalListener(broker)).sort(),
    );
  });

  it('runs PostgreSQL 17 with a healthcheck over TCP and the database init script mounted', () => {
    const postgres = service('postgres');
    expect(postgres.image).toMatch(/^postgres:17/);
    // pg_isready over TCP: the image's temporary init-time server listens on a socket only.
    expect(postgres.healthcheck?.test).toEqual(expect.arrayContaining(['pg_isready', '-h', '127.0.0.1']));
    const { path, sql } = initScript();
    expect(path).toBe('./docker/postgres/create-databases.sql');
    expect(createdDatabases(sql).size).toBe(appServices.length);
  });
});

/** Dockerfile instructions, continuation lines joined, comments dropped: ['FROM', 'node AS deps']. */
const dockerfile = read('Dockerfile')
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [instruction = '', ...rest] = line.split(/\s+/);
    return [instruction.toUpperCase(), rest.join(' ')] as const;
  });
/** The instructions of one stage (`FROM ... AS name` up to the next FROM). */
function stage(name: string) {
  const start = dockerfile.findIndex(([instruction, args]) => instruction === 'FROM' && args.endsWith(` AS ${name}`));
  if (start < 0) throw new Error(`the Dockerfile has no stage "${name}"`);
  const end = dockerfile.findIndex(([instruction], index) => index > start && instruction === 'FROM');
  return dockerfile.slice(start, end < 0 ? undefined : end);
}

describe('Dockerfile', () => {
  it('builds on a Node.js 24 image, chosen by the NODE_IMAGE build arg', () => {
    const arg = dockerfile.find(([instruction, args]) => instruction === 'ARG' && args.startsWith('NODE_IMAGE='));
    expect(arg?.[1]).toMatch(/^NODE_IMAGE=node:24(-|$)/);
    // Every stage starts from that image or from an earlier stage.
    const stages: string[] = [];
    for (const [instruction, args] of dockerfile.filter(([instruction]) => instruction === 'FROM')) {
      const [base, , name] = args.split(/\s+/);
      expect({ instruction, base: base === '${NODE_IMAGE}' || stages.includes(base ?? '') }).toEqual({
        instruction,
        base: true,
      });
      stages.push(name ?? '');
    }
  });

  it("copies every workspace's package.json before `npm ci`, which checks the lockfile against all of them", () => {
    const workspaceGlobs = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
    const workspaces = workspaceGlobs.flatMap((glob) => {
      const parent = glob.replace(/\/\*$/, '');
      return readdirSync(join(repoRoot, parent), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(join(repoRoot, parent, entry.name, 'package.json')))
        .map((entry) => `${parent}/${entry.name}/package.json`);
    });
    const deps = stage('deps');
    const npmCi = deps.findIndex(([instruction, args]) => instruction === 'RUN' && args.startsWith('npm ci'));
    const copied = deps
      .slice(0, npmCi)
      .filter(([instruction]) => instruction === 'COPY')
      .flatMap(([, args]) => args.split(/\s+/).slice(0, -1));
    expect(npmCi).toBeGreaterThan(0);
    expect(copied).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', ...workspaces]));
  });

  it('lets every workspace package.json through .dockerignore by name, the only exception form Docker honours', () => {
    const lines = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim());
    const exceptions = lines.filter((line) => line.startsWith('!'));
    // An exception with a wildcard inside an excluded folder is silently ignored by Docker.
    expect(exceptions.filter((line) => line.includes('*'))).toEqual([]);
    const excludedFolders = lines.filter((line) => /^[\w/-]+\/\*\*$/.test(line)).map((line) => line.slice(0, -3));
    const copied = stage('deps')
      .filter(([instruction]) => instruction === 'COPY')
      .flatMap(([, args]) => args.split(/\s+/).slice(0, -1))
      .filter((path) => excludedFolders.some((folder) => path.startsWith(folder)));
    expect(copied.length).toBeGreaterThan(0);
    for (const path of copied)
      expect({ path, excepted: exceptions.includes(`!${path}`) }).toEqual({ path, excepted: true });
  });

  it('runs as the non-root `node` user', () => {
    expect(stage('runtime')).toContainEqual(['USER', 'node']);
  });

  it("runs the topic provisioning script in the kafka-setup stage and the service's main.ts by default", () => {
    const [, command] = stage('kafka-setup').find(([instruction]) => instruction === 'CMD') ?? [];
    const script = (JSON.parse(command ?? '[]') as string[]).at(-1) ?? '';
    expect(script).toBe('libs/kafka/bin/provision-topics.ts');
    expect(existsSync(join(repoRoot, script))).toBe(true);

    // The last stage is what `docker build` makes without --target: the service.
    const [[, from] = [], ...service] = stage('service');
    expect(dockerfile.filter(([instruction]) => instruction === 'FROM').at(-1)?.[1]).toBe(from);
    expect(service).toContainEqual(['WORKDIR', '/app/apps/${SERVICE}']);
    expect(service).toContainEqual(['CMD', '["node", "src/main.ts"]']);
  });
});
