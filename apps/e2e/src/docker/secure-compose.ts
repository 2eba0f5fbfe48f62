import { accessPlan } from '@orderflow/events';
import { aclBindingsOf } from '@orderflow/kafka-cluster';
import kafkajs, { logLevel, type Admin, type KafkaConfig } from 'kafkajs';
import type { ComposeProject } from './compose-project.ts';

const { AclOperationTypes, AclPermissionTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

/** The secured variant: docker-compose.yml, then its override, in the order compose merges them. */
export const secureComposeFiles = ['docker-compose.yml', 'docker-compose.secure.yml'] as const;

/** What a client on the host needs from the stack's secrets volume: the CA, and the users' passwords. */
export type StackSecrets = { readonly ca: string; readonly passwords: Readonly<Record<string, string>> };

/** Reads them through kafka-1, which mounts the volume at /secrets (the host cannot see into a volume). */
export async function readStackSecrets(compose: ComposeProject): Promise<StackSecrets> {
  const read = (file: string) => compose.run(['exec', '-T', 'kafka-1', 'cat', `/secrets/${file}`]);
  const [ca, passwords] = await Promise.all([read('ca.pem'), read('passwords.json')]);
  return { ca, passwords: JSON.parse(passwords) as Record<string, string> };
}

/**
 * A kafkajs client on the host, as a person's program would be: through the brokers' published
 * EXTERNAL listeners (localhost, a name in the certificate), trusting the stack's CA and logged
 * in as `user`. Quiet and quick to give up: refusals are what the tests look for.
 */
export function kafkaOnHost(
  brokers: string[],
  secrets: StackSecrets,
  user: string,
  config: Partial<KafkaConfig> = {},
): kafkajs.Kafka {
  return new kafkajs.Kafka({
    clientId: `secure-compose-e2e-${user}`,
    brokers,
    ssl: { ca: [secrets.ca] },
    sasl: { mechanism: 'scram-sha-512', username: user, password: secrets.passwords[user] ?? '' },
    logLevel: logLevel.NOTHING,
    retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 500 },
    ...config,
  });
}

/** Every ACL on the cluster, a sorted line each: principal, resource type:name:pattern, operation, permission (kafkajs's codes). */
export async function aclsOnCluster(admin: Admin): Promise<string[]> {
  const { resources } = await admin.describeAcls({
    resourceType: AclResourceTypes.ANY,
    resourcePatternType: ResourcePatternTypes.ANY,
    operation: AclOperationTypes.ANY,
    permissionType: AclPermissionTypes.ANY,
  });
  return resources
    .flatMap((resource) =>
      resource.acls.map(
        (acl) =>
          `${acl.principal} ${resource.resourceType}:${resource.resourceName}:${resource.resourcePatternType} ${acl.operation} ${acl.permissionType}`,
      ),
    )
    .sort();
}

/** The same lines for the access plan, as the local secured cluster grants it (aclBindingsOf). */
export function plannedAcls(): string[] {
  return accessPlan()
    .flatMap(aclBindingsOf)
    .map(
      (acl) =>
        `${acl.principal} ${acl.resourceType}:${acl.resourceName}:${acl.resourcePatternType} ${acl.operation} ${acl.permissionType}`,
    )
    .sort();
}
