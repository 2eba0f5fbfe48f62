import type { z } from 'zod';
import { ConfigError } from './config-error.ts';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Parses the environment once, at start, through a zod schema of `NAME: schema` entries, and
 * returns the result frozen: config is read in one place and cannot change while running.
 * Throws a ConfigError naming every bad variable (not just the first).
 */
export function loadConfig<Schema extends z.ZodType<object>>(
  schema: Schema,
  env: Environment = process.env,
): Readonly<z.output<Schema>> {
  // An empty variable (`DATABASE_URL=` in a compose file) means "not set", so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const result = schema.safeParse(present);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const variable = issue.path.map(String).join('.') || '(environment)';
      // A missing variable's own check says "expected string, received undefined": say it plainly.
      // A cross-field rule's message (e.g. "is required with ...") says more, so it stays.
      const missing =
        issue.code === 'invalid_type' && issue.path.length === 1 && present[String(issue.path[0])] === undefined;
      return `${variable}: ${missing ? 'is required' : issue.message}`;
    });
    throw new ConfigError(problems);
  }
  return deepFreeze(result.data);
}

function deepFreeze<T>(value: T): Readonly<T> {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * For `main.ts`: loadConfig, but a bad environment ends the process with exit code 1 and one
 * readable line on stderr instead of a stack trace.
 */
export function loadConfigOrExit<Schema extends z.ZodType<object>>(
  schema: Schema,
  env: Environment = process.env,
): Readonly<z.output<Schema>> {
  try {
    return loadConfig(schema, env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
