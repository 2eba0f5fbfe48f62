import type { z } from 'zod';
import { ConfigError } from './config-error.ts';

/**
 * A component's settings, the one way they are made: its defaults, with the options a caller
 * set over them (an option given as `undefined` keeps the default), checked against its schema,
 * rules that span fields included. A bad setting fails at construction, naming every bad field,
 * instead of at the first record or request that uses it. Keys the schema does not name (the
 * component's collaborators: a pool, a Kafka client) are left out of the result.
 */
export function settingsOf<Schema extends z.ZodType<object>>(
  component: string,
  schema: Schema,
  defaults: z.input<Schema>,
  options: object,
): z.output<Schema> {
  const set = Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
  const parsed = schema.safeParse({ ...(defaults as object), ...set });
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => `${component} ${issue.path.join('.') || 'settings'}: ${issue.message}`),
  );
}
