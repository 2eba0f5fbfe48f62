/**
 * The one error base class of the whole project. Every failure we raise on purpose says
 * what went wrong (`code`, stable and machine-readable) and whether trying again can help
 * (`retriable`). Retry and dead-letter logic read only `retriable`, never the subclass:
 * a broker that is briefly away is retriable, a record that can never be decoded is not.
 */
export class OrderflowError extends Error {
  readonly code: string;
  readonly retriable: boolean;

  constructor(message: string, options: { code: string; retriable: boolean; cause?: unknown }) {
    super(message, { cause: options.cause });
    // `new.target` is the subclass actually constructed, so logs show e.g. EventDecodeError.
    this.name = new.target.name;
    this.code = options.code;
    this.retriable = options.retriable;
  }
}
