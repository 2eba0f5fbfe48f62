import { parse } from 'yaml';
import { BROKER_DEFAULTS, kafkaVersion } from '@orderflow/kafka-cluster';
import { composeFileWithDefaults } from './compose-file.ts';

/**
 * docker-compose.yml, checked by reading it (with its settings at their defaults, as a user
 * gets it): the Kafka part must describe the same cluster as the local tool, with listeners
 * that work from the host and between containers. apps/e2e/src/docker/ runs the file for real.
 */
interface ComposeService {
  image?: string;
  hostname?: string;
  ports?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[] };
}

const compose = parse(composeFileWithDefaults(), { merge: true }) as {
  services: Record<string, ComposeService>;
};
const brokers = Object.entries(compose.services).filter(([, service]) => service.image?.startsWith('apache/kafka'));
const env = (service: ComposeService, name: string): string => service.environment?.[name] ?? '';

/**
 * A short-syntax `ports` entry's host and container port: "127.0.0.1:9092:9092" → '9092:9092'.
 * The address before them (loopback by default) is apps/e2e/src/docker-compose.spec.ts's to check.
 */
const hostAndContainerPort = (entry: string): string => entry.split(':').slice(-2).join(':');

/** `INTERNAL://kafka-1:19092,EXTERNAL://localhost:9092` → { INTERNAL: 'kafka-1:19092', ... } */
const listenerMap = (value: string): Record<string, string> =>
  Object.fromEntries(value.split(',').map((listener) => listener.split('://') as [string, string]));

describe('docker-compose.yml, Kafka part', () => {
  it('runs three apache/kafka brokers of the same version as the local cluster', () => {
    expect(brokers).toHaveLength(3);
    for (const [, service] of brokers) expect(service.image).toBe(`apache/kafka:${kafkaVersion()}`);
  });

  it('gives every broker a unique node id in KRaft combined mode, with one cluster id', () => {
    const ids = brokers.map(([, service]) => env(service, 'KAFKA_NODE_ID'));
    expect(new Set(ids).size).toBe(3);
    for (const [, service] of brokers) expect(env(service, 'KAFKA_PROCESS_ROLES')).toBe('broker,controller');
    const clusterIds = new Set(brokers.map(([, service]) => env(service, 'CLUSTER_ID')));
    expect(clusterIds.size).toBe(1);
    // A Kafka cluster id is 16 bytes, base64url-encoded without padding.
    expect(Buffer.from([...clusterIds][0] ?? '', 'base64url')).toHaveLength(16);
  });

  it('lists every broker, by node id and hostname, in the controller quorum of each', () => {
    for (const [, service] of brokers) {
      const voters = env(service, 'KAFKA_CONTROLLER_QUORUM_VOTERS').split(',');
      const controllerPort = listenerMap(env(service, 'KAFKA_LISTENERS'))['CONTROLLER']?.split(':')[1];
      expect(voters.sort()).toEqual(
        brokers
          .map(([name, broker]) => `${env(broker, 'KAFKA_NODE_ID')}@${broker.hostname ?? name}:${controllerPort}`)
          .sort(),
      );
    }
  });

  it('sets the same broker defaults as the local cluster (replication 3, min ISR 2, no auto-create)', () => {
    for (const [, service] of brokers) {
      for (const [property, value] of Object.entries(BROKER_DEFAULTS)) {
        // The image maps KAFKA_MIN_INSYNC_REPLICAS to min.insync.replicas, and so on.
        const variable = `KAFKA_${property.toUpperCase().replaceAll('.', '_')}`;
        expect({ variable, value: env(service, variable) }).toEqual({ variable, value });
      }
    }
  });

  it('advertises an internal listener on its own hostname and an external one on its published port', () => {
    for (const [name, service] of brokers) {
      const listeners = listenerMap(env(service, 'KAFKA_LISTENERS'));
      const advertised = listenerMap(env(service, 'KAFKA_ADVERTISED_LISTENERS'));
      const internalPort = listeners['INTERNAL']?.split(':')[1];
      expect(advertised['INTERNAL']).toBe(`${service.hostname ?? name}:${internalPort}`);
      expect(env(service, 'KAFKA_INTER_BROKER_LISTENER_NAME')).toBe('INTERNAL');

      const [externalHost, externalPort] = (advertised['EXTERNAL'] ?? '').split(':');
      const containerPort = listeners['EXTERNAL']?.split(':')[1];
      expect(externalHost).toBe('localhost');
      expect((service.ports ?? []).map(hostAndContainerPort)).toContain(`${externalPort}:${containerPort}`);
      expect(advertised['CONTROLLER']).toBeUndefined();
    }
    const published = brokers
      .flatMap(([, service]) => service.ports ?? [])
      .map((port) => hostAndContainerPort(port).split(':')[0]);
    expect(new Set(published).size).toBe(3);
  });

  it('gives every broker a healthcheck, so services can wait for it', () => {
    for (const [, service] of brokers)
      expect(service.healthcheck?.test?.join(' ')).toContain('kafka-broker-api-versions');
  });
});
