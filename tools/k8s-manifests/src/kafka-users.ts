import { accessPlan, adminPrincipal, type AclRule, type PrincipalAccess } from '@orderflow/events';
import type { StrimziAclRule, StrimziKafkaUser } from './strimzi-schemas.ts';
import { kafkaClusterName, strimziRelease } from './strimzi-release.ts';

/** A KafkaUser and the one line that says what it is for (a comment in the generated file). */
export type DescribedKafkaUser = { readonly role: string; readonly user: StrimziKafkaUser };

/** Kafka's (and the access plan's) `prefixed` is Strimzi's `prefix`; `literal` is the same. */
const strimziPatternType = { literal: 'literal', prefixed: 'prefix' } as const;
const planPatternType = { literal: 'literal', prefix: 'prefixed' } as const;

export function strimziAclRule(rule: AclRule): StrimziAclRule {
  const { type, name, patternType } = rule.resource;
  return { resource: { type, name, patternType: strimziPatternType[patternType] }, operations: [...rule.operations] };
}

/** The inverse of strimziAclRule, to compare a KafkaUser's ACLs with the access plan. */
export function accessPlanRule(rule: StrimziAclRule): {
  resource: { type: string; name?: string; patternType: string };
  operations: string[];
} {
  const { type, name, patternType = 'literal' } = rule.resource;
  return {
    resource: { type, ...(name === undefined ? {} : { name }), patternType: planPatternType[patternType] },
    operations: [...rule.operations],
  };
}

function scramUser(name: string, acls?: readonly AclRule[]): StrimziKafkaUser {
  return {
    apiVersion: strimziRelease.apiVersion,
    kind: 'KafkaUser',
    metadata: { name, labels: { 'strimzi.io/cluster': kafkaClusterName } },
    spec: {
      authentication: { type: 'scram-sha-512' },
      ...(acls === undefined ? {} : { authorization: { type: 'simple', acls: acls.map(strimziAclRule) } }),
    },
  };
}

/**
 * The admin (a super user in kafka-cluster.yaml, so no ACLs) and a KafkaUser per principal of
 * the access plan with exactly its rules. Strimzi writes each user's password into a Secret
 * of the user's name.
 */
export function kafkaUsers(plan: readonly PrincipalAccess[] = accessPlan()): DescribedKafkaUser[] {
  return [
    {
      role: 'the admin: the only super user (kafka-cluster.yaml); for operators and tools, no service logs in as it',
      user: scramUser(adminPrincipal),
    },
    ...plan.map(({ principal, role, rules }) => ({ role, user: scramUser(principal, rules) })),
  ];
}
