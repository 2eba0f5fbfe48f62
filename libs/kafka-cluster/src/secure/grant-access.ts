import {
  accessPlan,
  allTopicSettings,
  topicConfigEntries,
  type AclOperation,
  type AclResource,
  type PrincipalAccess,
} from '@orderflow/events';
import kafkajs, { type Admin } from 'kafkajs';
import { runKafkaTool } from '../kafka-cli-tools.ts';
import { LocalKafkaError } from '../local-kafka-error.ts';
import { clientPropertiesFile, writeClientProperties } from './client-config.ts';
import { passwordOf, type ClusterSecrets } from './cluster-secrets.ts';
import { scramIterations } from './secure-node-config.ts';

// Not named ES exports of the CommonJS kafkajs module.
const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

/**
 * What the admin does once a secured cluster is up, as an operator would on a real one: a
 * SCRAM user per principal, the catalogue's topics (services get no Create: the admin owns the
 * topic layout), and each principal's ACLs from the access plan. Every step is idempotent.
 */
export async function grantAccess(
  admin: Admin,
  brokers: string[],
  secrets: ClusterSecrets,
  plan: readonly PrincipalAccess[] = accessPlan(),
): Promise<void> {
  writeClientProperties(secrets);
  for (const { principal } of plan) addScramUser(brokers, secrets, principal);
  await admin.createTopics({
    topics: allTopicSettings().map((topic) => ({
      topic: topic.name,
      numPartitions: topic.partitions,
      replicationFactor: topic.replicationFactor,
      configEntries: topicConfigEntries(topic),
    })),
    waitForLeaders: true,
  });
  await admin.createAcls({ acl: plan.flatMap(aclBindingsOf) });
}

/**
 * kafkajs has no request for SCRAM credentials (AlterUserScramCredentials, KIP-554), so the
 * admin's Java tool sets them: `kafka-configs --alter --add-config 'SCRAM-SHA-512=[...]'`.
 */
function addScramUser(brokers: string[], secrets: ClusterSecrets, user: string): void {
  const credential = `SCRAM-SHA-512=[iterations=${scramIterations},password=${passwordOf(secrets, user)}]`;
  const result = runKafkaTool(
    'kafka-configs',
    [
      '--command-config',
      clientPropertiesFile(secrets, 'admin'),
      '--alter',
      '--add-config',
      credential,
      '--entity-type',
      'users',
      '--entity-name',
      user,
    ],
    brokers,
  );
  if (result.status !== 0) {
    throw new LocalKafkaError(
      `Could not create the SCRAM user "${user}": ${result.stderr.trim() || result.stdout.trim()}`,
      'See the brokers\' logs; "npm run kafka:down -- --wipe --profile <profile>" starts afresh.',
    );
  }
}

const operationTypes: Readonly<Record<AclOperation, number>> = {
  Read: AclOperationTypes.READ,
  Write: AclOperationTypes.WRITE,
  Describe: AclOperationTypes.DESCRIBE,
  DescribeConfigs: AclOperationTypes.DESCRIBE_CONFIGS,
};

const resourceTypes: Readonly<Record<AclResource['type'], number>> = {
  topic: AclResourceTypes.TOPIC,
  group: AclResourceTypes.GROUP,
};
const patternTypes: Readonly<Record<AclResource['patternType'], number>> = {
  literal: ResourcePatternTypes.LITERAL,
  prefixed: ResourcePatternTypes.PREFIXED,
};

/** One ALLOW binding per operation: Kafka stores an ACL as (resource, principal, host, operation, permission). */
export function aclBindingsOf(access: PrincipalAccess) {
  return access.rules.flatMap(({ resource, operations }) =>
    operations.map((operation) => ({
      resourceType: resourceTypes[resource.type],
      resourceName: resource.name,
      resourcePatternType: patternTypes[resource.patternType],
      principal: `User:${access.principal}`,
      host: '*',
      operation: operationTypes[operation],
      permissionType: AclPermissionTypes.ALLOW,
    })),
  );
}
