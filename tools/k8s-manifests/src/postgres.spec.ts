import { messagingPoolSize, serviceConfig } from '@orderflow/service';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1/ScaledObject';
import { StatefulSet } from 'kubernetes-models/apps/v1/StatefulSet';
import { Service } from 'kubernetes-models/v1/Service';
import { deployments, envSecret, envValue, objectNamed, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import { appConfigDefaults, readRepoFile } from './spec-helpers/repo-sources.ts';
import { asModel } from './validate-manifest.ts';

const postgres = asModel(StatefulSet, objectNamed('StatefulSet', 'postgres'));
const postgresService = asModel(Service, objectNamed('Service', 'postgres'));
const postgresEnv = postgres.spec?.template.spec?.containers[0]?.env ?? [];
const initScript = Object.values(
  (objectNamed('ConfigMap', 'postgres-init')['data'] ?? {}) as Record<string, string>,
).join('\n');
const stringData = (name: string) => (objectNamed('Secret', name)['stringData'] ?? {}) as Record<string, string>;

/** The databases docker/postgres/create-databases.sql makes for docker-compose.yml. */
const composeDatabases = [
  ...readRepoFile('docker/postgres/create-databases.sql').matchAll(/CREATE DATABASE (\w+) OWNER (\w+);/g),
].map(([, database, owner]) => ({ database, owner }));

const withDatabase = deployments.filter(({ container }) => envSecret(container, 'DATABASE_URL') !== undefined);

it('gives the three services (not the console) a database each, the ones compose has', () => {
  expect(withDatabase.map(({ name }) => name).sort()).toEqual([
    'inventory-service',
    'notification-service',
    'order-service',
  ]);
  expect(composeDatabases.length).toBe(3);
  const databases = withDatabase.map(({ container }) =>
    new URL(stringData(envSecret(container, 'DATABASE_URL')?.name ?? '')['url'] ?? '').pathname.slice(1),
  );
  expect(databases.sort()).toEqual(composeDatabases.map(({ database }) => database).sort());
});

describe.each(withDatabase.map(({ name, container }) => [name, envSecret(container, 'DATABASE_URL')] as const))(
  '%s',
  (_name, ref) => {
    const secret = stringData(ref?.name ?? '');

    it("reads a DATABASE_URL that agrees with its Secret's login and the postgres Service", () => {
      const url = new URL(secret[ref?.key ?? ''] ?? '');
      const port = postgresService.spec?.ports?.[0]?.port;
      expect({ protocol: url.protocol, host: url.hostname, port: Number(url.port) }).toEqual({
        protocol: 'postgres:',
        host: 'postgres',
        port,
      });
      expect({ username: url.username, password: url.password, database: url.pathname.slice(1) }).toEqual({
        username: secret['username'],
        password: secret['password'],
        database: secret['username'],
      });
    });

    it('has its login created on the first start from that Secret', () => {
      const fromSecret = postgresEnv.filter((variable) => variable.valueFrom?.secretKeyRef?.name === ref?.name);
      const variableFor = (key: string) =>
        fromSecret.find((variable) => variable.valueFrom?.secretKeyRef?.key === key)?.name ?? 'none';
      expect(fromSecret.length).toBe(2);
      expect(initScript).toContain(`create_database "$${variableFor('username')}" "$${variableFor('password')}"`);
    });
  },
);

it("has max_connections for every instance's pools at full scale", () => {
  const args = postgres.spec?.template.spec?.containers[0]?.args ?? [];
  const maxConnections = Number(args.join(' ').match(/max_connections=(\d+)/)?.[1] ?? 100);
  const scaledMax = new Map(
    objectsOfKind('ScaledObject')
      .map((object) => asModel(ScaledObject, object).spec)
      .map((spec) => [spec.scaleTargetRef.name, spec.maxReplicaCount ?? 100]),
  );
  const defaultPoolSize = serviceConfig({ serviceName: 'x', port: 1 }).parse({
    KAFKA_BROKERS: 'kafka:9093',
  }).DATABASE_POOL_SIZE;
  const needed = withDatabase.reduce((sum, { name, deployment, container }) => {
    const instances = scaledMax.get(name) ?? deployment.spec?.replicas ?? 1;
    const poolSize = Number(
      envValue(container, 'DATABASE_POOL_SIZE') ?? appConfigDefaults(name).databasePoolSize ?? defaultPoolSize,
    );
    const perInstance = poolSize + messagingPoolSize;
    return sum + instances * perInstance;
  }, 0);
  // PostgreSQL keeps 3 connections for super users (superuser_reserved_connections).
  expect(needed).toBeLessThanOrEqual(maxConnections - 3);
});
