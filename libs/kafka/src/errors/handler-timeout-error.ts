import { OrderflowError } from '@orderflow/events';

/**
 * A handler took longer than the runner allows. Retriable: what it waited for (a database,
 * a lock) may be free next time. The bound exists so a stuck handler surfaces as an error
 * instead of silently holding its partition forever.
 */
export class HandlerTimeoutError extends OrderflowError {
  constructor(timeoutMs: number, where: string) {
    super(`the handler did not finish within ${timeoutMs} ms (${where})`, { code: 'handler-timeout', retriable: true });
  }
}
