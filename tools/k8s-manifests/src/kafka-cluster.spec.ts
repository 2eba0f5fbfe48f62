import { adminPrincipal } from '@orderflow/events';
import { objectNamed, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import { readRepoFile, repoKafkaVersion } from './spec-helpers/repo-sources.ts';
import { kafkaNodePoolSchema, kafkaSchema } from './strimzi-schemas.ts';
import { kafkaClusterName, strimziRelease } from './strimzi-release.ts';

const kafka = kafkaSchema.parse(objectNamed('Kafka', kafkaClusterName));
const pools = objectsOfKind('KafkaNodePool').map((object) => kafkaNodePoolSchema.parse(object));
const brokerConfig = kafka.spec.kafka.config ?? {};

describe('the Kafka resource', () => {
  it("runs the repo's Kafka version, one the pinned Strimzi release supports", () => {
    expect(kafka.spec.kafka.version).toBe(repoKafkaVersion());
    expect(strimziRelease.kafkaVersions).toContain(kafka.spec.kafka.version);
    const [major, minor] = kafka.spec.kafka.version.split('.');
    expect(kafka.spec.kafka.metadataVersion.startsWith(`${major}.${minor}-IV`)).toBe(true);
  });

  it('names the pinned Strimzi release where people look: the kustomization and the README', () => {
    for (const file of ['deploy/k8s/kustomization.yaml', 'deploy/k8s/README.md'])
      expect(readRepoFile(file)).toContain(`Strimzi ${strimziRelease.version}`);
  });

  it('has one listener: internal, TLS, SCRAM-SHA-512 on 9093', () => {
    expect(kafka.spec.kafka.listeners).toEqual([
      { name: 'tls', port: 9093, type: 'internal', tls: true, authentication: { type: 'scram-sha-512' } },
    ]);
  });

  it('enforces ACLs, with the admin as the only super user', () => {
    expect(kafka.spec.kafka.authorization).toEqual({ type: 'simple', superUsers: [adminPrincipal] });
    expect(kafka.spec.entityOperator).toEqual({ topicOperator: {}, userOperator: {} });
  });

  it('keeps three copies of everything, needs two for a write, and creates no topic by itself', () => {
    expect(brokerConfig).toEqual(
      expect.objectContaining({
        'default.replication.factor': 3,
        'min.insync.replicas': 2,
        'auto.create.topics.enable': false,
        'offsets.topic.replication.factor': 3,
        'transaction.state.log.replication.factor': 3,
        'transaction.state.log.min.isr': 2,
      }),
    );
  });

  it("is rack aware by the nodes' zone", () => {
    expect(kafka.spec.kafka.rack).toEqual({ topologyKey: 'topology.kubernetes.io/zone' });
  });
});

describe('the node pool', () => {
  it('is three combined broker+controller nodes on persistent volumes', () => {
    expect(pools.map((pool) => [pool.spec.replicas, [...pool.spec.roles].sort(), pool.spec.storage.type])).toEqual([
      [3, ['broker', 'controller'], 'persistent-claim'],
    ]);
  });

  it('spreads the nodes over hosts (required) and zones', () => {
    const [pool] = pools;
    const template = JSON.stringify(pool?.spec.template?.pod ?? {});
    expect(template).toContain(
      '"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"strimzi.io/cluster":"orderflow","strimzi.io/broker-role":"true"}},"topologyKey":"kubernetes.io/hostname"}]',
    );
    expect(template).toContain('"topologyKey":"topology.kubernetes.io/zone"');
  });
});
