import { deadLetterTopicName } from './dead-letter.ts';
import { withGeneratedPart } from './generated-part.ts';
import { topics } from './topic-catalogue.ts';
import type { ServiceName, TopicDefinition } from './topic-definition.ts';

// Who may do what on a secured cluster, derived from the topic catalogue: the catalogue
// already says who writes and who reads every topic, so the ACLs follow from it and cannot
// drift from it. The secured local cluster applies these rules (libs/kafka-cluster), the
// Kubernetes manifests carry them as KafkaUser ACLs (deploy/k8s), and docs/12 shows them
// as a table; tests compare all three with this file.

/** A Kafka user (SCRAM principal `User:<name>`) and why it exists. */
export type PrincipalName = ServiceName | 'console' | 'lag-reader';

/**
 * ACL operations, spelled as Kafka's CLI and Strimzi spell them. Only the ones a role
 * needs; never `All`, never `Create` (the admin creates topics), never `IdempotentWrite`
 * (since Kafka 3.0, KIP-679, an idempotent producer needs only Write on its topics).
 */
export type AclOperation = 'Read' | 'Write' | 'Describe' | 'DescribeConfigs';

export type AclResource = {
  readonly type: 'topic' | 'group';
  readonly name: string;
  /** `literal`: exactly this name; `prefixed`: every name that starts with it. */
  readonly patternType: 'literal' | 'prefixed';
};

/**
 * One resource and the operations allowed on it: the shape of Strimzi's KafkaUser `acls`
 * entries, except that Strimzi spells `prefixed` as `prefix` (tools/k8s-manifests maps it).
 */
export type AclRule = { readonly resource: AclResource; readonly operations: readonly AclOperation[] };

export type PrincipalAccess = {
  readonly principal: PrincipalName;
  /** One line for the docs table: what this principal is for. */
  readonly role: string;
  readonly rules: readonly AclRule[];
};

/** The admin user: the only super user; it formats storage, creates topics, users and ACLs. */
export const adminPrincipal = 'admin';

/** The console's tail consumer joins groups named `orderflow-console-<uuid>`: its own prefix. */
export const consoleGroupPrefix = 'orderflow-console-';

const catalogueTopics: readonly TopicDefinition[] = Object.values(topics);
const services: readonly ServiceName[] = ['order-service', 'inventory-service', 'notification-service'];

// Verifying a topic at start (provisioning that finds it present) reads its metadata and config.
const verify: readonly AclOperation[] = ['Describe', 'DescribeConfigs'];

const topicRule = (name: string, operations: readonly AclOperation[]): AclRule => ({
  resource: { type: 'topic', name, patternType: 'literal' },
  operations,
});
const groupRule = (
  name: string,
  patternType: AclResource['patternType'],
  operations: readonly AclOperation[],
): AclRule => ({
  resource: { type: 'group', name, patternType },
  operations,
});

/**
 * A service's rules: Write on the topics it owns; Read on the topics it consumes, with Read
 * on its consumer group (named after the service) to join it and commit offsets; Write on
 * its own dead-letter topics, where it parks what it cannot process.
 */
export function serviceRules(service: ServiceName): AclRule[] {
  const owned = catalogueTopics.filter((topic) => topic.writer === service);
  const consumed = catalogueTopics.filter((topic) => topic.readers.includes(service));
  return [
    ...owned.map((topic) => topicRule(topic.name, [...verify, 'Write'])),
    ...consumed.map((topic) => topicRule(topic.name, [...verify, 'Read'])),
    ...consumed.map((topic) => topicRule(deadLetterTopicName(topic, service), [...verify, 'Write'])),
    ...(consumed.length > 0 ? [groupRule(service, 'literal', ['Read', 'Describe'])] : []),
  ];
}

/** Every topic a reader may look at: the catalogue's and each group's dead-letter topics. */
function everyTopicName(): string[] {
  return catalogueTopics.flatMap((topic) => [
    topic.name,
    ...topic.readers.map((group) => deadLetterTopicName(topic, group)),
  ]);
}

/** Every consumer group of the catalogue: the services that read a topic. */
function everyGroup(): ServiceName[] {
  return services.filter((service) => catalogueTopics.some((topic) => topic.readers.includes(service)));
}

/** The console only looks: Describe and Read on every topic, Describe on the services' groups. */
function consoleRules(): AclRule[] {
  return [
    ...everyTopicName().map((name) => topicRule(name, ['Describe', 'Read'])),
    ...everyGroup().map((group) => groupRule(group, 'literal', ['Describe'])),
    groupRule(consoleGroupPrefix, 'prefixed', ['Read', 'Describe']),
  ];
}

/**
 * Consumer lag and nothing else, for an autoscaler (KEDA's Kafka scaler): a group's committed
 * offsets and the topics' end offsets need Describe on both, and no Read on any record.
 */
function lagReaderRules(): AclRule[] {
  const consumedTopics = catalogueTopics.filter((topic) => topic.readers.length > 0).map((topic) => topic.name);
  return [
    ...consumedTopics.map((name) => topicRule(name, ['Describe'])),
    ...everyGroup().map((group) => groupRule(group, 'literal', ['Describe'])),
  ];
}

/** Every principal of a secured Orderflow cluster with its ACLs, the admin aside. */
export function accessPlan(): PrincipalAccess[] {
  return [
    ...services.map((service) => ({
      principal: service,
      role: `the ${service}: its own topics, inputs, group and dead-letter topics`,
      rules: serviceRules(service),
    })),
    {
      principal: 'console',
      role: 'the console: reads and describes everything, writes nothing',
      rules: consoleRules(),
    },
    { principal: 'lag-reader', role: 'an autoscaler (KEDA): consumer lag only, no records', rules: lagReaderRules() },
  ];
}

/** The ACLs as a Markdown table, one row per principal and resource, for docs/12. */
export function accessPlanTable(plan: readonly PrincipalAccess[] = accessPlan()): string {
  const rows = plan.flatMap(({ principal, rules }) =>
    rules.map(
      ({ resource, operations }) =>
        `| \`User:${principal}\` | ${resource.type} | \`${resource.name}\`${resource.patternType === 'prefixed' ? ' (prefix)' : ''} | ${operations.join(', ')} |`,
    ),
  );
  return ['| principal | resource | name | operations |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** The lines in docs/12-from-one-machine-to-a-cluster.md between which the ACL table lives. */
export const accessPlanMarkers = { start: '<!-- access-plan:start -->', end: '<!-- access-plan:end -->' } as const;

/** `markdown` with its ACL table rewritten from the access plan. */
export function withAccessPlanTable(markdown: string): string {
  return withGeneratedPart(markdown, accessPlanMarkers, accessPlanTable());
}
