import type { RecordSummary } from './record-summary.ts';

/** Header names as libs/events writes them (domain/ imports no Kafka code, so only the strings). */
export type CausalHeaders = { readonly eventId: string; readonly causationId: string };

export type SagaStep = RecordSummary & {
  /** 0 for an event nothing in the list caused (the order's placing); its effects are 1, theirs 2... */
  readonly depth: number;
  /** The event this one answers, when it is in the list. */
  readonly causedBy: string | undefined;
  /** Time since the event that caused it: one hop of the saga. */
  readonly msSinceCause: number | undefined;
};

/**
 * An order's events across topics in causal order: each event after the event that caused it
 * (its `causation-id` is that event's `event-id`), siblings by time. Timestamps alone are not
 * enough: two services' clocks differ, and a record's timestamp is when the event happened, not
 * when it was written. An event redelivered (at-least-once) appears once.
 */
export function causalOrder(records: readonly RecordSummary[], names: CausalHeaders): SagaStep[] {
  const byId = new Map<string, RecordSummary>();
  const withoutId: RecordSummary[] = [];
  for (const record of records) {
    const id = record.headers[names.eventId];
    if (id === undefined) withoutId.push(record);
    else if (!byId.has(id)) byId.set(id, record);
  }
  const children = new Map<string, RecordSummary[]>();
  const roots: RecordSummary[] = [...withoutId];
  for (const record of byId.values()) {
    const cause = record.headers[names.causationId];
    if (cause !== undefined && cause !== record.headers[names.eventId] && byId.has(cause)) {
      children.set(cause, [...(children.get(cause) ?? []), record]);
    } else {
      roots.push(record);
    }
  }

  const steps: SagaStep[] = [];
  const visit = (record: RecordSummary, depth: number, cause: RecordSummary | undefined) => {
    steps.push({
      ...record,
      depth,
      causedBy: cause?.headers[names.eventId],
      msSinceCause: cause ? record.timestamp - cause.timestamp : undefined,
    });
    const id = record.headers[names.eventId];
    for (const child of byTime(children.get(id ?? '') ?? [])) visit(child, depth + 1, record);
  };
  for (const root of byTime(roots)) visit(root, 0, undefined);
  return steps;
}

const byTime = (records: readonly RecordSummary[]) =>
  [...records].sort(
    (a, b) =>
      a.timestamp - b.timestamp || a.topic.localeCompare(b.topic) || Number(BigInt(a.offset) - BigInt(b.offset)),
  );
