import avro from 'avsc';
import type { z } from 'zod';
import { schemaOfVersion } from '../catalogue/event-definition.ts';
import { avroSchemaFor } from './avro-schema.ts';
import type { ValueCodec } from './value-codec.ts';

// avsc compiles a schema into an encoder/decoder; build each one once.
const compiled = new WeakMap<z.ZodType, avro.Type>();

function avroTypeOf(eventType: string, schema: z.ZodType): avro.Type {
  let type = compiled.get(schema);
  if (type === undefined) {
    type = avro.Type.forSchema(avroSchemaFor(eventType, schema) as avro.Schema);
    compiled.set(schema, type);
  }
  return type;
}

/** Avro leaves an absent optional field as null; zod's `optional()` means "not there". */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, fieldValue]) => fieldValue !== null)
      .map(([field, fieldValue]) => [field, withoutNulls(fieldValue)]),
  );
}

/**
 * Avro binary: compact, because the bytes hold only the values. The price: a reader needs
 * the writer's schema to read them. Confluent's Schema Registry ships a schema id inside
 * each value for that; here the `event-type` and `event-version` headers name the writer's
 * schema, and the catalogue (the event's current and earlier schemas) holds it. avsc then
 * resolves the writer's schema to the reader's (Avro's own schema evolution).
 */
export const avroCodec: ValueCodec = {
  name: 'avro',
  contentType: 'application/avro',

  encode(event, { eventType, definition }) {
    return avroTypeOf(eventType, definition.schema).toBuffer(event);
  },

  decode(value, { eventType, definition, writerVersion }) {
    if (value === null) {
      return { ok: false, reason: 'the value is null (a tombstone), but Avro was expected' };
    }
    const writerSchema = schemaOfVersion(definition, writerVersion);
    if (writerSchema === undefined) {
      return {
        ok: false,
        reason: `no Avro schema for ${eventType} v${writerVersion} is known here (this reader knows v${definition.version}); Avro cannot read bytes without the writer's schema`,
      };
    }
    const reader = avroTypeOf(eventType, definition.schema);
    const writer = avroTypeOf(eventType, writerSchema);
    try {
      const decoded: unknown =
        writer === reader ? reader.fromBuffer(value) : reader.fromBuffer(value, reader.createResolver(writer));
      return { ok: true, value: withoutNulls(decoded) };
    } catch (error) {
      return {
        ok: false,
        reason: `the value is not Avro for ${eventType} v${writerVersion}: ${(error as Error).message}`,
      };
    }
  },
};
