/**
 * An error of the local cluster tool: `message` says what went wrong, `hint` what to do about
 * it. The CLI prints both and exits non-zero without a stack trace.
 */
export class LocalKafkaError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = 'LocalKafkaError';
    this.hint = hint;
  }
}
