import type { AclRule, PrincipalAccess } from '@orderflow/events';

/**
 * One principal's part of the access plan as arguments of Kafka's own `kafka-acls.sh`, for a
 * shell script: the secured compose variant grants the plan so (grant-access-script.ts), where
 * the local cluster uses kafkajs (aclBindingsOf in grant-access.ts). Both read accessPlan(),
 * and a spec checks that both come to the same ACLs.
 *
 * `kafka-acls --add` grants every combination of the principals, resources and operations it is
 * given. So one call names one principal and only resources of one type and pattern that share
 * their operations: the combinations are then exactly the plan's rules, nothing more. Fewer
 * calls matter, since each one starts a JVM. Every operation is named: the `--producer` and
 * `--consumer` shortcuts would also grant Create and IdempotentWrite, which the plan never does.
 */
export function kafkaAclsArguments(access: PrincipalAccess): string[][] {
  const calls = new Map<string, { rule: AclRule; names: string[] }>();
  for (const rule of access.rules) {
    const { type, patternType } = rule.resource;
    const key = [type, patternType, ...rule.operations].join(' ');
    const call = calls.get(key) ?? { rule, names: [] };
    call.names.push(rule.resource.name);
    calls.set(key, call);
  }
  return [...calls.values()].map(({ rule, names }) => [
    '--add',
    '--allow-principal',
    `User:${access.principal}`,
    ...rule.operations.flatMap((operation) => ['--operation', operation]),
    '--resource-pattern-type',
    rule.resource.patternType,
    ...names.flatMap((name) => [`--${rule.resource.type}`, name]),
  ]);
}
