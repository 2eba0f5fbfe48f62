import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { serviceConfig } from '@orderflow/service';
import type { IContainer } from 'kubernetes-models/v1/Container';
import { Service } from 'kubernetes-models/v1/Service';
import { repoRoot } from './deploy-paths.ts';
import { deployments, envSecret, envValue, objectNamed, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import {
  appConfigDefaults,
  dockerfileStage,
  isApp,
  readRepoFile,
  serviceHttpRoutes,
  shutdownTimeoutMs,
} from './spec-helpers/repo-sources.ts';
import { kafkaSchema } from './strimzi-schemas.ts';
import { kafkaClusterName } from './strimzi-release.ts';
import { asModel } from './validate-manifest.ts';

// The Deployments against what the apps really do: the port their config and image use, the
// probe routes libs/service serves, the graceful stop's time limit, and a Kafka login that
// Strimzi's resources make possible.

const kafka = kafkaSchema.parse(objectNamed('Kafka', kafkaClusterName));
const scramListener = kafka.spec.kafka.listeners.find(
  (listener) => listener.tls && listener.authentication?.type === 'scram-sha-512',
);
/** Strimzi names the clients' Service `<cluster>-kafka-bootstrap`. */
const bootstrapServers = `${kafka.metadata.name}-kafka-bootstrap:${scramListener?.port ?? 'none'}`;
const caSecret = `${kafka.metadata.name}-cluster-ca-cert`;

/** The number a probe's or Service's port means in this container (a name or a number). */
const containerPortOf = (container: IContainer, port: string | number | undefined): number | undefined =>
  typeof port === 'number'
    ? container.ports?.find((candidate) => candidate.containerPort === port)?.containerPort
    : container.ports?.find((candidate) => candidate.name === port)?.containerPort;

/** The app's sources (not its tests) use libs/service's HTTP app, where the probe routes live. */
const usesServiceHttpApp = (app: string): boolean =>
  readdirSync(join(repoRoot, 'apps', app, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
    .some((file) => readRepoFile(join('apps', app, 'src', file)).includes('createHttpApp('));

/** The environment as the pod would see it; Secrets Strimzi writes are stand-ins, the CA file a file that exists here. */
function environmentOf(container: IContainer): Record<string, string> {
  const secrets = objectsOfKind('Secret');
  return Object.fromEntries(
    (container.env ?? []).map((variable) => {
      if (variable.name === 'KAFKA_SSL_CA_FILE') return [variable.name, import.meta.filename];
      const ref = variable.valueFrom?.secretKeyRef;
      if (ref === undefined) return [variable.name, variable.value ?? ''];
      const secret = secrets.find((candidate) => candidate.metadata.name === ref.name);
      const stringData = (secret?.['stringData'] ?? {}) as Record<string, string>;
      return [variable.name, stringData[ref.key] ?? 'password-written-by-strimzi'];
    }),
  );
}

it('deploys each of the four apps', () => {
  expect(deployments.map(({ name }) => name).sort()).toEqual([
    'console',
    'inventory-service',
    'notification-service',
    'order-service',
  ]);
});

describe.each(deployments.map((entry) => [entry.name, entry] as const))(
  'Deployment %s',
  (name, { deployment, container }) => {
    const defaults = appConfigDefaults(name);
    const podSpec = deployment.spec?.template.spec;

    it('runs the image the one Dockerfile builds for its app (build arg SERVICE)', () => {
      expect(isApp(name)).toBe(true);
      expect(defaults.serviceName).toBe(name);
      expect(container.image).toBe(`orderflow/${name}:latest`);
      expect(dockerfileStage('service')).toEqual(
        expect.arrayContaining([
          ['ARG', 'SERVICE'],
          ['WORKDIR', '/app/apps/${SERVICE}'],
        ]),
      );
    });

    it('listens on the port its config defaults to, which the image takes as PORT and exposes', () => {
      expect(dockerfileStage('service')).toEqual(
        expect.arrayContaining([
          ['ARG', 'PORT'],
          ['ENV', 'PORT=${PORT}'],
          ['EXPOSE', '${PORT}'],
        ]),
      );
      expect(containerPortOf(container, 'http')).toBe(defaults.port);
      expect(envValue(container, 'PORT')).toBe(String(defaults.port));
    });

    it('has a Service of its name that reaches that port on its pods', () => {
      const service = asModel(Service, objectNamed('Service', name));
      const [servicePort] = service.spec?.ports ?? [];
      expect(servicePort?.port).toBe(defaults.port);
      expect(containerPortOf(container, servicePort?.targetPort)).toBe(defaults.port);
      expect(deployment.spec?.template.metadata?.labels).toEqual(expect.objectContaining(service.spec?.selector));
      expect(deployment.spec?.selector.matchLabels).toEqual(service.spec?.selector);
    });

    it('probes readiness on /ready and liveness on /health, routes libs/service serves, at the container port', () => {
      expect(usesServiceHttpApp(name)).toBe(true);
      expect(serviceHttpRoutes()).toEqual(expect.arrayContaining(['/health', '/ready']));
      const probes = {
        readiness: container.readinessProbe,
        liveness: container.livenessProbe,
        startup: container.startupProbe,
      };
      expect(Object.fromEntries(Object.entries(probes).map(([kind, probe]) => [kind, probe?.httpGet?.path]))).toEqual({
        readiness: '/ready',
        liveness: '/health',
        startup: '/health',
      });
      for (const probe of Object.values(probes))
        expect(containerPortOf(container, probe?.httpGet?.port)).toBe(defaults.port);
    });

    it("gives main.ts's graceful stop its whole time limit, after the preStop pause, before SIGKILL", () => {
      // main.ts uses onShutdown's default limit; were it to pass its own, this check must read that.
      expect(readRepoFile(`apps/${name}/src/main.ts`)).not.toMatch(/timeoutMs/);
      const preStopSeconds = container.lifecycle?.preStop?.sleep?.seconds ?? 0;
      expect(podSpec?.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(
        preStopSeconds + shutdownTimeoutMs() / 1000 + 1,
      );
    });

    it('logs in to Kafka as its own KafkaUser, over TLS, trusting the cluster CA', () => {
      expect(envValue(container, 'KAFKA_BROKERS')).toBe(bootstrapServers);
      const username = envValue(container, 'KAFKA_SASL_USERNAME');
      expect(username).toBe(name);
      expect(objectNamed('KafkaUser', username ?? '').kind).toBe('KafkaUser');
      // Strimzi writes the user's password into a Secret named after the KafkaUser.
      expect(envSecret(container, 'KAFKA_SASL_PASSWORD')).toEqual({ name: username, key: 'password' });
      const caFile = envValue(container, 'KAFKA_SSL_CA_FILE') ?? '';
      const mount = container.volumeMounts?.find((candidate) => candidate.mountPath === dirname(caFile));
      const volume = podSpec?.volumes?.find((candidate) => candidate.name === mount?.name);
      expect(volume?.secret?.secretName).toBe(caSecret);
      expect(volume?.secret?.items).toEqual([{ key: 'ca.crt', path: basename(caFile) }]);
    });

    it('has an environment its config schema accepts, with no variable the app does not read', () => {
      const schema = serviceConfig({ serviceName: name, port: defaults.port });
      const environment = environmentOf(container);
      const result = schema.safeParse(environment);
      expect(result.error?.issues ?? []).toEqual([]);
      const ownVariables = [...readRepoFile(`apps/${name}/src/config.ts`).matchAll(/^\s+([A-Z][A-Z0-9_]+): /gm)].map(
        ([, variable]) => variable,
      );
      const known = [...Object.keys(schema.shape), ...ownVariables];
      expect(Object.keys(environment).filter((variable) => !known.includes(variable))).toEqual([]);
    });

    it('asks for CPU and memory, and caps memory', () => {
      expect(Object.keys(container.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
      expect(container.resources?.limits?.['memory']).toBeDefined();
    });
  },
);

it("gives the console each service's address as its Service names it", () => {
  const console = deployments.find(({ name }) => name === 'console');
  const entries = (envValue(console?.container, 'CONSOLE_SERVICES') ?? '').split(',').map((entry) => entry.split('='));
  expect(entries.map(([label]) => label).sort()).toEqual([
    'inventory-service',
    'notification-service',
    'order-service',
  ]);
  for (const [label = '', url = ''] of entries) {
    expect(url).toBe(`http://${label}:${appConfigDefaults(label).port}`);
    expect(asModel(Service, objectNamed('Service', label)).spec?.ports?.[0]?.port).toBe(appConfigDefaults(label).port);
  }
});
