import type { EventContext } from './event-message.ts';

/**
 * What a service's action knows about the business flow it belongs to: the flow's id, the
 * event that caused it (when it came from Kafka), and the time it runs at.
 */
export type ActionContext = {
  readonly correlationId: string;
  /** The event that caused this action, when it came from Kafka. */
  readonly causationId?: string;
  readonly now: Date;
};

/** The action's context as its events carry it: when it happened, and the flow they belong to. */
export function eventContextOf(action: ActionContext): EventContext {
  return {
    occurredAt: action.now,
    correlationId: action.correlationId,
    ...(action.causationId === undefined ? {} : { causationId: action.causationId }),
  };
}
