import { accessPlan, adminPrincipal, allTopicSettings } from '@orderflow/events';
import { topicNameOf } from './kafka-topics.ts';
import { accessPlanRule } from './kafka-users.ts';
import { objectNamed, objectsOfKind } from './spec-helpers/deploy-k8s.ts';
import { kafkaTopicSchema, kafkaUserSchema } from './strimzi-schemas.ts';

// The Kafka side of deploy/k8s against libs/events: every topic the services provision has
// its KafkaTopic with the catalogue's settings, every principal of the access plan its
// KafkaUser with exactly its ACLs.

const kafkaTopics = objectsOfKind('KafkaTopic').map((object) => kafkaTopicSchema.parse(object));
const kafkaUsers = objectsOfKind('KafkaUser').map((object) => kafkaUserSchema.parse(object));

describe('KafkaTopics', () => {
  it('are exactly the catalogue topics and their dead-letter topics', () => {
    expect(kafkaTopics.map(topicNameOf).sort()).toEqual(
      allTopicSettings()
        .map((topic) => topic.name)
        .sort(),
    );
  });

  it.each(allTopicSettings().map((topic) => [topic.name, topic] as const))(
    '%s has the catalogue partitions, replicas 3 and config',
    (name, topic) => {
      const resource = kafkaTopics.find((candidate) => topicNameOf(candidate) === name);
      expect(resource?.spec).toEqual(
        expect.objectContaining({
          partitions: topic.partitions,
          replicas: topic.replicationFactor,
          config: { ...topic.config },
        }),
      );
      expect(resource?.spec.replicas).toBe(3);
      expect(resource?.spec.config['min.insync.replicas']).toBe(2);
    },
  );
});

describe('KafkaUsers', () => {
  it('are the principals of the access plan plus the admin', () => {
    expect(kafkaUsers.map((user) => user.metadata.name).sort()).toEqual(
      [adminPrincipal, ...accessPlan().map((access) => access.principal)].sort(),
    );
  });

  it.each(accessPlan().map((access) => [access.principal, access] as const))(
    '%s logs in with SCRAM-SHA-512 and has exactly its ACLs of the plan',
    (principal, access) => {
      const user = kafkaUserSchema.parse(objectNamed('KafkaUser', principal));
      expect(user.spec.authentication).toEqual({ type: 'scram-sha-512' });
      expect((user.spec.authorization?.acls ?? []).map(accessPlanRule)).toEqual(access.rules);
    },
  );

  it('gives the admin no ACLs: it is the one super user of the Kafka resource', () => {
    const admin = kafkaUserSchema.parse(objectNamed('KafkaUser', adminPrincipal));
    expect(admin.spec.authorization).toBeUndefined();
    expect(admin.spec.authentication).toEqual({ type: 'scram-sha-512' });
  });
});
