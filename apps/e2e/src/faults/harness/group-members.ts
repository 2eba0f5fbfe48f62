import type { Kafka } from 'kafkajs';

export type GroupMembers = {
  /** Stable: every member has its partitions; otherwise a rebalance is under way. */
  readonly state: string;
  readonly clientIds: readonly string[];
};

/** A consumer group's state and its members' client ids, as the group coordinator sees them now. */
export async function groupMembers(kafka: Kafka, groupId: string): Promise<GroupMembers> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    const group = groups[0];
    return {
      state: group?.state ?? 'Unknown',
      clientIds: (group?.members ?? []).map((member) => member.clientId).sort(),
    };
  } finally {
    await admin.disconnect();
  }
}
