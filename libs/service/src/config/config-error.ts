import { OrderflowError } from '@orderflow/events';

/** The environment does not describe a runnable service. The message names every bad variable. */
export class ConfigError extends OrderflowError {
  /** One entry per bad variable: `KAFKA_BROKERS: expected a comma-separated list ...`. */
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    super(`Invalid configuration: ${problems.join('; ')}`, { code: 'invalid-config', retriable: false });
    this.problems = problems;
  }
}
