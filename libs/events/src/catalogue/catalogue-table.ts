import { z } from 'zod';
import { allTopicSettings, deadLetterTopicName } from './dead-letter.ts';
import type { EventDefinition } from './event-definition.ts';
import { withGeneratedPart } from './generated-part.ts';
import { topics } from './topic-catalogue.ts';
import { topicConfigEntries, type TopicDefinition } from './topic-definition.ts';

// The catalogue as Markdown, for docs/event-catalogue.md. Rendered from the declarations
// themselves (topics, codecs, zod schemas), so the page cannot drift from the code: a spec
// compares the page with this output.

type JsonSchema = z.core.JSONSchema.JSONSchema;

/** The lines in docs/event-catalogue.md between which the generated tables live. */
export const catalogueMarkers = { start: '<!-- catalogue:start -->', end: '<!-- catalogue:end -->' } as const;

/** The topics, their config and the events, as Markdown tables with a heading each. */
export function catalogueTable(): string {
  return [
    '### Topics',
    topicsTable(),
    '### Topic config, as provisioned (dead-letter topics included)',
    configTable(),
    '### Events',
    'Fields are required unless marked optional; every field is bounded, so every event stays small.',
    eventsTable(),
  ].join('\n\n');
}

/** `markdown` with the part between the catalogue markers replaced by `table`. */
export function withCatalogueTable(markdown: string, table: string = catalogueTable()): string {
  return withGeneratedPart(markdown, catalogueMarkers, table);
}

// Typed as the general definition: the table reads every topic the same way.
const catalogueTopics: readonly TopicDefinition[] = Object.values(topics);

function topicsTable(): string {
  const header = [
    'topic',
    'key',
    'codec',
    'partitions',
    'replication factor',
    'min ISR',
    'writer',
    'readers (consumer groups)',
    'dead-letter topics',
    'events',
  ];
  const rows = catalogueTopics.map((topic) => [
    code(topic.name),
    code(keyField(topic)),
    `${topic.codec.name} (${code(topic.codec.contentType ?? 'no content-type')})`,
    String(topic.partitions),
    String(topic.replicationFactor),
    String(topic.config['min.insync.replicas']),
    topic.writer,
    topic.readers.join('<br>'),
    topic.readers.map((group) => code(deadLetterTopicName(topic, group))).join('<br>'),
    Object.keys(topic.events).join('<br>'),
  ]);
  return markdownTable(header, rows);
}

/**
 * The event field the topic's key is made of. A key is a function, so it is called on a
 * stand-in event whose every field reads as its own name: `(event) => event.orderId` gives
 * `orderId`.
 */
function keyField(topic: TopicDefinition): string {
  const fieldNames = new Proxy({}, { get: (_target, field) => String(field) });
  return topic.key(fieldNames);
}

function configTable(): string {
  const settings = allTopicSettings();
  const names = [...new Set(settings.flatMap((topic) => topicConfigEntries(topic).map((entry) => entry.name)))];
  const rows = settings.map((topic) => {
    const values = new Map(topicConfigEntries(topic).map((entry) => [entry.name, entry.value]));
    return [
      code(topic.name),
      String(topic.partitions),
      String(topic.replicationFactor),
      ...names.map((name) => configValue(name, values.get(name))),
    ];
  });
  return markdownTable(['topic', 'partitions', 'replication factor', ...names.map(code)], rows);
}

/** A config value, with milliseconds and bytes also said the way people think of them. */
function configValue(name: string, value: string | undefined): string {
  if (value === undefined) return '';
  if (name.endsWith('.ms')) return `${value} (${inDaysOrHours(Number(value))})`;
  if (name.endsWith('.bytes')) return `${value} (≈${(Number(value) / 1_048_576).toFixed(1)} MiB)`;
  return value;
}

function inDaysOrHours(ms: number): string {
  const hours = ms / 3_600_000;
  const [amount, unit] = hours % 24 === 0 ? [hours / 24, 'day'] : [hours, 'hour'];
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

function eventsTable(): string {
  const rows = catalogueTopics.flatMap((topic) =>
    Object.entries(topic.events).map(([name, definition]) => [
      code(name),
      code(topic.name),
      String(definition.version),
      String(definition.minVersion),
      describeFields(definition).join('<br>'),
    ]),
  );
  return markdownTable(['event', 'topic', 'version', 'oldest version read', 'fields'], rows);
}

/** One line per top-level field: name, optional or not, since which version, type. */
function describeFields(definition: EventDefinition): string[] {
  const schema = jsonSchemaOf(definition.schema);
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => {
    const since = addedInVersion(definition, field);
    const notes = [required.has(field) ? '' : 'optional', since === undefined ? '' : `since v${since}`].filter(Boolean);
    return `${code(field)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${describeType(fieldSchema)}`;
  });
}

/**
 * The version that added `field`, when the event has earlier versions and the field was not
 * in the first of them; undefined for a field there from the start.
 */
function addedInVersion(definition: EventDefinition, field: string): number | undefined {
  const versions: [number, z.ZodType][] = [
    ...Object.entries(definition.earlierSchemas ?? {}).map(([version, schema]): [number, z.ZodType] => [
      Number(version),
      schema,
    ]),
    [definition.version, definition.schema],
  ];
  versions.sort(([a], [b]) => a - b);
  const firstWith = versions.find(([, schema]) => field in (jsonSchemaOf(schema).properties ?? {}));
  return firstWith !== undefined && firstWith !== versions[0] ? firstWith[0] : undefined;
}

function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'output' });
}

// JSON Schema's format names, as a reader of the table would say them.
const formatNames: Readonly<Record<string, string>> = { uri: 'url' };

/** A field's type in a few words: `string (1-64 chars)`, `list (1-100) of { … }`. */
function describeType(json: JsonSchema | boolean): string {
  if (typeof json === 'boolean') return json ? 'anything' : 'nothing';
  if (json.enum !== undefined) return `one of ${json.enum.map((value) => code(String(value))).join(', ')}`;
  switch (json.type) {
    case 'string': {
      const name = json.format === undefined ? 'string' : (formatNames[json.format] ?? json.format);
      return withRange(name, range(json.minLength, json.maxLength), ' chars');
    }
    case 'integer':
    case 'number':
      return withRange(json.type, range(lowestValue(json), json.maximum));
    case 'array': {
      const items = json.items === undefined || Array.isArray(json.items) ? 'anything' : describeType(json.items);
      return `${withRange('list', range(json.minItems, json.maxItems))} of ${items}`;
    }
    case 'object':
      return `{ ${Object.entries(json.properties ?? {})
        .map(
          ([field, fieldSchema]) =>
            `${code(field)}${json.required?.includes(field) ? '' : ' (optional)'}: ${describeType(fieldSchema)}`,
        )
        .join(', ')} }`;
    default:
      return String(json.type ?? 'anything');
  }
}

/** The smallest allowed number; for integers an exclusive minimum of n means n + 1. */
function lowestValue(json: JsonSchema): number | undefined {
  if (typeof json.exclusiveMinimum === 'number') {
    return json.type === 'integer' ? json.exclusiveMinimum + 1 : json.exclusiveMinimum;
  }
  return json.minimum;
}

/** `1-64`, `≤254`, `≥0` or nothing; zod's "any safe integer" is no real upper bound. */
function range(min: number | undefined, max: number | undefined): string {
  const upper = max !== undefined && max < Number.MAX_SAFE_INTEGER ? max : undefined;
  if (min !== undefined && upper !== undefined) return `${min}-${upper}`;
  if (upper !== undefined) return `≤${upper}`;
  return min === undefined ? '' : `≥${min}`;
}

function withRange(name: string, bounds: string, unit = ''): string {
  return bounds === '' ? name : `${name} (${bounds}${unit})`;
}

function code(text: string): string {
  return `\`${text}\``;
}

function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // A `|` inside a cell would end it: escape it, as GitHub's tables allow.
  const line = (cells: readonly string[]) => `| ${cells.map((cell) => cell.replaceAll('|', '\\|')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
