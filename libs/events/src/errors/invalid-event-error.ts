import { OrderflowError } from './orderflow-error.ts';

/**
 * A producer tried to publish an event (or envelope data) that breaks the contract.
 * That is a bug in the producer, so it is not retriable.
 */
export class InvalidEventError extends OrderflowError {
  readonly eventType: string;
  readonly path: string | undefined;

  constructor(eventType: string, message: string, path?: string) {
    super(`${eventType}: ${message}`, { code: 'invalid-event', retriable: false });
    this.eventType = eventType;
    this.path = path;
  }
}
