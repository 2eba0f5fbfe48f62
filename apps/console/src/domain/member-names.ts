/**
 * A partition an instance's consumer reports stuck in its `/status` (consumer.stuck): a record
 * that has waited past the runner's bound, e.g. for a row an open transaction holds.
 */
export type StuckPartitionSeen = {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  /** ISO time the record's wait started. */
  readonly since: string;
  readonly code: string;
  readonly message: string;
};

/** One service instance the console knows (from CONSOLE_SERVICES) and what its `/status` last said. */
export type InstanceStatus = {
  /** `inventory-service#2`: the app and the instance number, as `npm start` labels it. */
  readonly label: string;
  readonly url: string;
  /** The consumer group member this instance is, per its `/status`; undefined while unknown. */
  readonly member:
    | {
        readonly groupId: string;
        readonly memberId: string;
        /** Partitions its consumer reports stuck; absent when its /status does not say. */
        readonly stuck?: readonly StuckPartitionSeen[];
      }
    | undefined;
  /** Undefined while `/status` answers; else why not. */
  readonly error: string | undefined;
};

/** A group member as the broker describes it. */
export type GroupMember = { readonly memberId: string; readonly clientId: string; readonly clientHost: string };

export type MemberName = {
  readonly name: string;
  /** The instance's `/status`, when the console knows the instance. */
  readonly statusUrl: string | undefined;
  /** How the name was found: the instance's own `/status` reports this member id (exact), or only the client id hints at it. */
  readonly by: 'status' | 'client-id' | 'none';
};

/**
 * Names a member as the instance it is. The broker knows a member only by its member id
 * (`<client id>-<uuid>`, made up by the broker at join), client id and client host; the
 * instance knows its own member id and says it in `GET /status`. Matching the two is exact.
 * Failing that (an instance missing from CONSOLE_SERVICES, or its /status unreachable), a
 * client id of the form `<app>-<n>` (what `npm start` gives instance n) still names it, marked as
 * a guess from the client id; else the member is shown as its client id and host.
 */
export function nameMember(groupId: string, member: GroupMember, instances: readonly InstanceStatus[]): MemberName {
  const instance = instances.find(
    (candidate) => candidate.member?.groupId === groupId && candidate.member.memberId === member.memberId,
  );
  if (instance) return { name: instance.label, statusUrl: `${instance.url}/status`, by: 'status' };
  const numbered = /^(.+)-(\d+)$/.exec(member.clientId);
  if (numbered) {
    const label = `${numbered[1]}#${numbered[2]}`;
    const known = instances.find((candidate) => candidate.label === label);
    return { name: label, statusUrl: known ? `${known.url}/status` : undefined, by: 'client-id' };
  }
  return { name: `${member.clientId} @ ${member.clientHost.replace(/^\//, '')}`, statusUrl: undefined, by: 'none' };
}
