import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line inside one request or one message handler carries. */
export interface CorrelationContext {
  /** Follows one business flow across services: HTTP header `X-Correlation-Id`, Kafka header `correlation-id`. */
  readonly correlationId: string;
  /** One HTTP request, for matching a log line to an access log entry. */
  readonly requestId?: string;
}

// AsyncLocalStorage follows the async call chain (awaits, timers, callbacks), so code deep
// inside a handler finds the id without it being passed through every function.
const storage = new AsyncLocalStorage<CorrelationContext>();

/** Runs `work` with `correlationId` as the context of every log line it writes. */
export function withCorrelationId<T>(correlationId: string, work: () => T): T {
  return storage.run({ ...storage.getStore(), correlationId }, work);
}

/** Runs `work` with a whole context (used by the HTTP shell for request id + correlation id). */
export function withCorrelationContext<T>(context: CorrelationContext, work: () => T): T {
  return storage.run(context, work);
}

/** The context of the running request or handler, if any. */
export function correlationContext(): CorrelationContext | undefined {
  return storage.getStore();
}

/** The correlation id of the running request or handler, e.g. to put into an event's headers. */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}
