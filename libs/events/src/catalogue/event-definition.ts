import type { z } from 'zod';

/** What the catalogue knows about one event besides its name. */
export type EventDefinition<Schema extends z.ZodType = z.ZodType> = {
  /** The current version's schema: what this code writes and reads records into. */
  readonly schema: Schema;
  /** The current version, written to the `event-version` header. */
  readonly version: number;
  /** Records older than this are refused as an unsupported version. */
  readonly minVersion: number;
  /**
   * The schemas of earlier versions, for codecs that cannot read bytes without the
   * writer's schema (Avro). JSON needs none of them.
   */
  readonly earlierSchemas?: Readonly<Record<number, z.ZodType>>;
};

/** Event definitions by event name, as a topic carries them. */
export type EventMap = Readonly<Record<string, EventDefinition>>;

/** The TypeScript type of an event, from its definition. */
export type EventPayload<Definition extends EventDefinition> = z.infer<Definition['schema']>;

/** The schema a record of `version` was written with, if this code knows it. */
export function schemaOfVersion(definition: EventDefinition, version: number): z.ZodType | undefined {
  return version === definition.version ? definition.schema : definition.earlierSchemas?.[version];
}
