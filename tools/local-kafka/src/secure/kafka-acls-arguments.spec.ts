import { accessPlan } from '@orderflow/events';
import kafkajs from 'kafkajs';
import { aclBindingsOf } from '@orderflow/kafka-cluster';
import { kafkaAclsArguments } from './kafka-acls-arguments.ts';

const { AclOperationTypes, AclResourceTypes, ResourcePatternTypes } = kafkajs;

/** The name of a kafkajs enum value, e.g. 10 in AclOperationTypes → DESCRIBE_CONFIGS. */
const nameOf = (values: object, value: number) =>
  Object.entries(values).find(([, candidate]) => candidate === value)?.[0] ?? String(value);
/** DescribeConfigs → DESCRIBE_CONFIGS, literal → LITERAL: how kafkajs spells the same names. */
const constantCase = (name: string) => name.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();

/** Every ACL one `kafka-acls --add` call grants: each principal × resource × operation it names. */
function grantedBy(args: string[]): string[] {
  const values = (option: string) => args.flatMap((arg, index) => (arg === option ? [args[index + 1] ?? ''] : []));
  const pattern = constantCase(values('--resource-pattern-type')[0] ?? 'literal');
  const resources = [
    ...values('--topic').map((name) => `TOPIC:${name}`),
    ...values('--group').map((name) => `GROUP:${name}`),
  ];
  return values('--allow-principal').flatMap((principal) =>
    resources.flatMap((resource) =>
      values('--operation').map((operation) => `${principal} ${resource}:${pattern} ${constantCase(operation)}`),
    ),
  );
}

describe('the access plan as kafka-acls.sh arguments', () => {
  it('grants exactly the ACLs the local cluster grants with kafkajs, no more and none twice', () => {
    for (const access of accessPlan()) {
      const fromScript = kafkaAclsArguments(access).flatMap(grantedBy);
      const fromKafkajs = aclBindingsOf(access).map(
        (acl) =>
          `${acl.principal} ${nameOf(AclResourceTypes, acl.resourceType)}:${acl.resourceName}:${nameOf(ResourcePatternTypes, acl.resourcePatternType)} ${nameOf(AclOperationTypes, acl.operation)}`,
      );
      expect(fromScript.sort()).toEqual(fromKafkajs.sort());
    }
  });

  it('names every operation, never the --producer or --consumer shortcuts (they add Create and IdempotentWrite)', () => {
    for (const args of accessPlan().flatMap(kafkaAclsArguments)) {
      expect(args).toContain('--operation');
      expect(args).not.toEqual(expect.arrayContaining([expect.stringMatching(/^--(producer|consumer|idempotent)$/)]));
    }
  });
});
