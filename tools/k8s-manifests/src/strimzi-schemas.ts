import { Affinity } from 'kubernetes-models/v1/Affinity';
import { TopologySpreadConstraint } from 'kubernetes-models/v1/TopologySpreadConstraint';
import { z } from 'zod';
import { isKubernetesName } from './kubernetes-name.ts';
import { kafkaClusterName, strimziRelease } from './strimzi-release.ts';

// The parts of Strimzi's kafka.strimzi.io/v1 CRDs (release 1.2.0) that deploy/k8s uses, as
// zod schemas. Written by hand from the CRDs' openAPIV3Schema, strict: a field the schema does
// not know (a typo, or one that v1 removed) is an error here, where the API server would
// silently prune it. Small on purpose: they name exactly what deploy/k8s relies on.

const labels = z.record(z.string(), z.string());
const metadata = z.strictObject({
  name: z
    .string()
    .refine(isKubernetesName, { error: 'expected a DNS-1123 subdomain (lower case, digits, "-" and ".")' }),
  namespace: z.string().optional(),
  labels: labels.optional(),
  annotations: labels.optional(),
});
/** KafkaTopics, KafkaUsers and node pools belong to a cluster by this label. */
const clusterMetadata = metadata.extend({
  labels: labels.and(z.object({ 'strimzi.io/cluster': z.literal(kafkaClusterName) })),
});

const apiVersion = z.literal(strimziRelease.apiVersion);
const configValue = z.union([z.string(), z.number(), z.boolean()]);
const quantity = z.union([z.string().regex(/^[0-9.]+([KMGTPE]i|[numkMGTPE])?$/), z.number()]);

/** A Kubernetes core type inside a Strimzi template, checked by kubernetes-models' schema. */
function coreType(model: new (data: never) => { validate(): void }) {
  return z.unknown().superRefine((value, context) => {
    try {
      new model(value as never).validate();
    } catch (error) {
      context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
    }
  });
}

const scramSha512 = z.strictObject({ type: z.literal('scram-sha-512') });

export const kafkaSchema = z.strictObject({
  apiVersion,
  kind: z.literal('Kafka'),
  metadata,
  spec: z.strictObject({
    kafka: z.strictObject({
      version: z.string(),
      metadataVersion: z.string().regex(/^\d+\.\d+-IV\d+$/),
      listeners: z
        .array(
          z.strictObject({
            name: z.string().regex(/^[a-z0-9]{1,11}$/),
            port: z.int().min(9092),
            type: z.enum(['internal', 'route', 'loadbalancer', 'nodeport', 'ingress', 'cluster-ip']),
            tls: z.boolean(),
            authentication: z.strictObject({ type: z.enum(['tls', 'scram-sha-512', 'custom']) }).optional(),
          }),
        )
        .min(1),
      authorization: z
        .strictObject({ type: z.literal('simple'), superUsers: z.array(z.string()).optional() })
        .optional(),
      rack: z.strictObject({ topologyKey: z.string().min(1) }).optional(),
      config: z.record(z.string(), configValue).optional(),
    }),
    entityOperator: z
      .strictObject({ topicOperator: z.strictObject({}).optional(), userOperator: z.strictObject({}).optional() })
      .optional(),
  }),
});

const persistentClaim = z.strictObject({
  type: z.literal('persistent-claim'),
  size: z.string().regex(/^\d+[KMGT]i$/),
  class: z.string().optional(),
  deleteClaim: z.boolean().optional(),
});

export const kafkaNodePoolSchema = z.strictObject({
  apiVersion,
  kind: z.literal('KafkaNodePool'),
  metadata: clusterMetadata,
  spec: z.strictObject({
    replicas: z.int().min(0),
    roles: z.array(z.enum(['controller', 'broker'])).min(1),
    storage: persistentClaim,
    jvmOptions: z
      .strictObject({ '-Xms': z.string().regex(/^[0-9]+[mMgG]?$/), '-Xmx': z.string().regex(/^[0-9]+[mMgG]?$/) })
      .partial()
      .optional(),
    resources: z
      .strictObject({ requests: z.record(z.string(), quantity), limits: z.record(z.string(), quantity) })
      .partial()
      .optional(),
    template: z
      .strictObject({
        pod: z
          .strictObject({
            affinity: coreType(Affinity),
            topologySpreadConstraints: z.array(coreType(TopologySpreadConstraint)),
          })
          .partial(),
      })
      .partial()
      .optional(),
  }),
});

export const kafkaTopicSchema = z.strictObject({
  apiVersion,
  kind: z.literal('KafkaTopic'),
  metadata: clusterMetadata,
  spec: z.strictObject({
    // Only when the topic's name is not a valid resource name; else the name is metadata.name.
    topicName: z.string().optional(),
    partitions: z.int().min(1),
    replicas: z.int().min(1).max(32_767),
    config: z.record(z.string(), configValue),
  }),
});

const aclOperation = z.enum([
  'Read',
  'Write',
  'Create',
  'Delete',
  'Alter',
  'Describe',
  'ClusterAction',
  'AlterConfigs',
  'DescribeConfigs',
  'IdempotentWrite',
  'All',
]);

export const strimziAclRuleSchema = z.strictObject({
  resource: z.strictObject({
    type: z.enum(['topic', 'group', 'cluster', 'transactionalId']),
    name: z.string().min(1).optional(),
    // Strimzi spells Kafka's PREFIXED pattern `prefix`, not `prefixed`.
    patternType: z.enum(['literal', 'prefix']).optional(),
  }),
  operations: z.array(aclOperation).min(1),
  type: z.enum(['allow', 'deny']).optional(),
  host: z.string().optional(),
});

export const kafkaUserSchema = z.strictObject({
  apiVersion,
  kind: z.literal('KafkaUser'),
  metadata: clusterMetadata,
  spec: z.strictObject({
    authentication: scramSha512,
    // No authorization: the user has only what super.users gives it (the admin).
    authorization: z.strictObject({ type: z.literal('simple'), acls: z.array(strimziAclRuleSchema) }).optional(),
  }),
});

export type StrimziKafka = z.infer<typeof kafkaSchema>;
export type StrimziKafkaNodePool = z.infer<typeof kafkaNodePoolSchema>;
export type StrimziKafkaTopic = z.infer<typeof kafkaTopicSchema>;
export type StrimziKafkaUser = z.infer<typeof kafkaUserSchema>;
export type StrimziAclRule = z.infer<typeof strimziAclRuleSchema>;

/** The schema of each Strimzi kind deploy/k8s uses, by kind. */
export const strimziSchemas = {
  Kafka: kafkaSchema,
  KafkaNodePool: kafkaNodePoolSchema,
  KafkaTopic: kafkaTopicSchema,
  KafkaUser: kafkaUserSchema,
} as const;
