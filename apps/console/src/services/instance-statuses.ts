import type { InstanceStatus, StuckPartitionSeen } from '../domain/member-names.ts';

export type ServiceInstance = { readonly label: string; readonly url: string };

/**
 * Reads every known instance's `GET /status`: which consumer group member it is. An instance
 * that does not answer is kept with the reason (it may be stopped: that is a lesson too).
 */
export async function readInstanceStatuses(
  instances: readonly ServiceInstance[],
  timeoutMs: number,
): Promise<InstanceStatus[]> {
  return Promise.all(
    instances.map(async ({ label, url }): Promise<InstanceStatus> => {
      try {
        const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) return { label, url, member: undefined, error: `/status answered ${response.status}` };
        const status = (await response.json()) as {
          consumer?: { groupId?: unknown; memberId?: unknown; stuck?: unknown };
        };
        const { groupId, memberId, stuck } = status.consumer ?? {};
        const member =
          typeof groupId === 'string' && typeof memberId === 'string' && memberId !== ''
            ? { groupId, memberId, stuck: stuckPartitionsIn(stuck) }
            : undefined;
        return { label, url, member, error: undefined };
      } catch (error) {
        const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : undefined;
        return {
          label,
          url,
          member: undefined,
          error: cause ?? (error instanceof Error ? error.message : String(error)),
        };
      }
    }),
  );
}

/** The stuck partitions a `/status` lists; entries of another shape are left out, not guessed at. */
export function stuckPartitionsIn(stuck: unknown): StuckPartitionSeen[] {
  if (!Array.isArray(stuck)) return [];
  return stuck.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { topic, partition, offset, since, code, message } = entry as Record<string, unknown>;
    const texts = [topic, offset, since, code, message];
    if (typeof partition !== 'number' || !texts.every((text) => typeof text === 'string')) return [];
    return [{ topic, partition, offset, since, code, message } as StuckPartitionSeen];
  });
}
