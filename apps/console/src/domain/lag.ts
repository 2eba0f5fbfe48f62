/** A group's position on one partition: what it has committed and how far behind the log's end it is. */
export type PartitionLag = {
  readonly topic: string;
  readonly partition: number;
  /** Undefined: the group has committed nothing on this partition yet. */
  readonly committed: string | undefined;
  readonly logEnd: string;
  /** Records not yet consumed (end − committed); undefined while nothing is committed. */
  readonly lag: number | undefined;
};

/**
 * Lag is the distance from the committed offset (the next record the group will read) to the
 * log end offset (the next record to be written). Kafka answers -1 for "nothing committed":
 * that is no lag of -1 but an unknown one, which the group's `auto.offset.reset` decides. A
 * committed offset below the log start (retention deleted those records) will be reset too:
 * everything still in the log is then behind.
 */
export function lagOf(committed: string | undefined, logStart: string, logEnd: string): number | undefined {
  if (committed === undefined || BigInt(committed) < 0n) return undefined;
  const from = BigInt(committed) < BigInt(logStart) ? BigInt(logStart) : BigInt(committed);
  const behind = BigInt(logEnd) - from;
  return behind < 0n ? 0 : Number(behind);
}
