import { OrderflowError } from '@orderflow/events';

/**
 * A handler took longer than the runner allows. Retriable: what it waited for (a database,
 * a lock) may be free next time. The bound exists so a stuck handler surfaces as an error
 * instead of silently holding its partition forever. If the database does not answer a probe
 * either, the runner takes it for a hung database and waits instead (timeout-diagnosis.ts).
 */
export class HandlerTimeoutError extends OrderflowError {
  constructor(timeoutMs: number, where: string) {
    super(`the handler did not finish within ${timeoutMs} ms (${where})`, { code: 'handler-timeout', retriable: true });
  }
}
