import { describeAssignment } from './assignment-line.ts';

describe('the assignment log line', () => {
  it('names the group, the member and its partitions per topic, in order', () => {
    expect(describeAssignment('inventory-service', 'm-1', { orders: [3, 0], inventory: [] })).toBe(
      'group inventory-service member m-1 now holds orders[0,3]',
    );
  });

  it('says so when the member holds nothing, and shortens long member ids', () => {
    const memberId = `inventory-service-${'a'.repeat(36)}`;
    expect(describeAssignment('g', memberId, {})).toBe(
      `group g member ${memberId.slice(0, 24)}… now holds no partitions`,
    );
  });
});
