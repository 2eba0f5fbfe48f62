/**
 * Does this error of kafkajs's heartbeat() say that this member's generation is over? kafkajs
 * 2.2.4 throws a KafkaJSProtocolError whose `type` names the broker's answer:
 * REBALANCE_IN_PROGRESS (another member joined or left), ILLEGAL_GENERATION (the group moved on
 * without this member), NOT_COORDINATOR_FOR_GROUP (its coordinator moved), UNKNOWN_MEMBER_ID
 * (it was dropped). kafkajs rejoins on each of these once eachMessage/eachBatch returns or
 * throws; until then the group waits for this member (up to its rebalance timeout, 60 s).
 *
 * So a member that waits (an outage, a retry pause) must stop at once and throw this error:
 * its partitions may be someone else's after the rebalance. Nothing it has not finished is
 * resolved, so the new owner gets the record again.
 */
export function isGroupRebalance(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'type' in error &&
    typeof error.type === 'string' &&
    generationOver.has(error.type)
  );
}

const generationOver = new Set([
  'REBALANCE_IN_PROGRESS',
  'ILLEGAL_GENERATION',
  'NOT_COORDINATOR_FOR_GROUP',
  'UNKNOWN_MEMBER_ID',
]);
