/** Partitions by topic, as a consumer group assigns them to one member. */
export type Assignment = Readonly<Record<string, readonly number[]>>;

/**
 * One readable log line per assignment change:
 * `group inventory-service member inventory-service-1f3a… now holds orders[0,3]`.
 */
export function describeAssignment(groupId: string, memberId: string, assignment: Assignment): string {
  const held = Object.entries(assignment)
    .filter(([, partitions]) => partitions.length > 0)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([topic, partitions]) => `${topic}[${[...partitions].sort((a, b) => a - b).join(',')}]`);
  const member = memberId.length > 24 ? `${memberId.slice(0, 24)}…` : memberId;
  return `group ${groupId} member ${member} now holds ${held.length > 0 ? held.join(' ') : 'no partitions'}`;
}
