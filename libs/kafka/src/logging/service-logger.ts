/**
 * The logger this library writes to: the shape of a pino logger (fields first, then the
 * message), declared here by its shape so any pino logger, or a test double, fits.
 */
export type LogMethod = (fields: Record<string, unknown>, message: string) => void;

export type ServiceLogger = {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
};

/** A logger that drops everything: the default when a caller passes none. */
export const silentLogger: ServiceLogger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
};
