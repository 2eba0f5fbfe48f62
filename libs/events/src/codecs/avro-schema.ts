import { z } from 'zod';

// The Avro schema of an event is derived from its zod schema, so the shape is written
// once. zod describes itself as JSON Schema (z.toJSONSchema); the simple field types our
// events use map one to one onto Avro types. Anything else fails loudly at start-up.

type JsonSchema = z.core.JSONSchema.JSONSchema;

export type AvroType =
  | 'string'
  | 'long'
  | 'double'
  | 'boolean'
  | readonly ['null', AvroType]
  | { readonly type: 'array'; readonly items: AvroType }
  | {
      readonly type: 'record';
      readonly name: string;
      readonly namespace?: string;
      readonly fields: readonly AvroField[];
    };

export type AvroField = { readonly name: string; readonly type: AvroType; readonly default?: null };

const namespace = 'orderflow.events';

/** The Avro record schema for an event whose zod schema is an object. */
export function avroSchemaFor(eventType: string, schema: z.ZodType): AvroType {
  const json = z.toJSONSchema(schema, { io: 'output' });
  if (json.type !== 'object') {
    throw new Error(`${eventType}: Avro events must be objects, this one is ${String(json.type)}`);
  }
  return { type: 'record', name: eventType, namespace, fields: toAvroFields(json, eventType) };
}

function toAvro(json: JsonSchema, name: string): AvroType {
  switch (json.type) {
    // Formats (uuid, email, url), lengths and enums stay zod's to check: Avro just stores text.
    case 'string':
      return 'string';
    // JavaScript numbers hold 53-bit integers; Avro's 32-bit `int` could not hold them all.
    case 'integer':
      return 'long';
    case 'number':
      return 'double';
    case 'boolean':
      return 'boolean';
    case 'array':
      if (json.items === undefined || typeof json.items === 'boolean' || Array.isArray(json.items)) {
        throw new Error(`${name}: only arrays of one item type have an Avro form`);
      }
      return { type: 'array', items: toAvro(json.items, `${name}_item`) };
    case 'object':
      return { type: 'record', name, fields: toAvroFields(json, name) };
    default:
      throw new Error(`${name}: no Avro form for JSON Schema ${JSON.stringify(json)}`);
  }
}

function toAvroFields(json: JsonSchema, recordName: string): AvroField[] {
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([field, fieldSchema]) => {
    if (typeof fieldSchema === 'boolean') {
      throw new Error(`${recordName}.${field}: no Avro form for a boolean JSON Schema`);
    }
    const type = toAvro(fieldSchema, `${recordName}_${field}`);
    // An optional field is "null or the value", null by default: that default is what
    // lets a new reader read a record written before the field existed.
    return required.has(field) ? { name: field, type } : { name: field, type: ['null', type], default: null };
  });
}
