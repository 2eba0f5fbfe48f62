import type { AclRule } from '@orderflow/events';
import { accessPlanRule, strimziAclRule } from './kafka-users.ts';

describe('strimziAclRule', () => {
  const prefixed: AclRule = {
    resource: { type: 'group', name: 'orderflow-console-', patternType: 'prefixed' },
    operations: ['Read', 'Describe'],
  };

  it("spells Kafka's `prefixed` as Strimzi's `prefix`, and back", () => {
    expect(strimziAclRule(prefixed)).toEqual({
      resource: { type: 'group', name: 'orderflow-console-', patternType: 'prefix' },
      operations: ['Read', 'Describe'],
    });
    expect(accessPlanRule(strimziAclRule(prefixed))).toEqual(prefixed);
  });

  it('reads a rule without patternType as literal, as Strimzi does', () => {
    expect(
      accessPlanRule({ resource: { type: 'topic', name: 'orders' }, operations: ['Read'] }).resource.patternType,
    ).toBe('literal');
  });
});
