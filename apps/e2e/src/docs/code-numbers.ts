import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * The numbers a page quotes from Orderflow's code, each with a marker that says where the code
 * holds it. The marker is an HTML comment (a reader never sees it) right after the number:
 *
 *   retries capped at 20 <!-- code: @orderflow/kafka defaultRetry.retries -->
 *   pauses from 250 ms <!-- code: @orderflow/kafka outboxRelayDefaults.backoff.initialMs -->
 *   7 days <!-- code: @orderflow/events defaultTopicSettings.config['retention.ms'] -->
 *
 * The marker names a module by its import specifier (a package's public API), or an app's file by
 * its path from the repository root (`apps/order-service/src/...ts`: apps have no public API), and
 * a path into one of its exports: `.field` or `['dotted.key']`. The docs test imports it and compares.
 *
 * The number is the last one before the marker; only a unit or one word (`500 rows`), spaces and
 * closing markup (`*`, `` ` ``, `)`, `'`) may stand between. Unit rules, kept simple:
 * - no unit: the number as written, digit groups allowed: `1,000,000`, `1_000_000`, `500`;
 * - `ms`, `s`, `min`/`minutes`, `h`/`hours`, `day`/`days`: a duration, compared in milliseconds:
 *   `2 s` = 2000; a field whose name ends in `Seconds` holds seconds, and is compared so too;
 * - `KiB`: 1024 bytes: `64 KiB` = 65536.
 */
export type QuotedNumber = {
  readonly page: string;
  readonly line: number;
  /** The number as the reader sees it, unit included: `2 s`. */
  readonly quoted: string;
  /** The same number in the code's terms (milliseconds for a duration). */
  readonly value: number;
  readonly module: string;
  readonly path: readonly string[];
};

const MARKER = /<!--\s*code:\s*(\S+)\s+(.+?)\s*-->/g;
const NUMBER_BEFORE =
  /(\d{1,3}(?:[,_]\d{3})+|\d+)(\.\d+)?(?:\s*(ms|s|min|minutes|h|hours|days?|KiB)\b|\s+[a-z]+)?[\s*`)']*$/;
const UNITS: Readonly<Record<string, number>> = {
  ms: 1,
  s: 1_000,
  min: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hours: 3_600_000,
  day: 86_400_000,
  days: 86_400_000,
  KiB: 1024,
};

export function quotedNumbers(page: string, markdown: string): QuotedNumber[] {
  return [...markdown.matchAll(MARKER)].map((match) => {
    const line = markdown.slice(0, match.index).split('\n').length;
    const where = `${page}:${line}`;
    const number = NUMBER_BEFORE.exec(markdown.slice(Math.max(0, match.index - 40), match.index));
    if (!number) throw new Error(`${where}: no number right before the marker "${match[0]}"`);
    const [quoted = '', digits = '', fraction = '', unit] = number;
    // A word that is not a unit (`rows`, `bytes`) names what is counted: the number as written.
    const written = Number(digits.replace(/[,_]/g, '') + fraction);
    return {
      page,
      line,
      quoted: quoted.replace(/[\s*`)']*$/, ''),
      value: unit === undefined ? written : written * (UNITS[unit] ?? Number.NaN),
      module: match[1] ?? '',
      path: valuePath(where, match[2] ?? ''),
    };
  });
}

function valuePath(where: string, text: string): string[] {
  const segments = [...text.matchAll(/(?:^|\.)([A-Za-z_$][\w$]*)|\[(['"])(.+?)\2\]/g)];
  if (segments.map((segment) => segment[0]).join('') !== text)
    throw new Error(`${where}: cannot read the path "${text}" (use a.b['dotted.key'])`);
  return segments.map((segment) => segment[1] ?? segment[3] ?? '');
}

/** The value at the path in a module's exports, as a number (config strings are numbers too). */
export function valueAt(exports: Readonly<Record<string, unknown>>, path: readonly string[]): number | undefined {
  let value: unknown = exports;
  for (const key of path)
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  const inMilliseconds = path.at(-1)?.endsWith('Seconds') ? 1_000 : 1;
  if (typeof value === 'number') return value * inMilliseconds;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value) * inMilliseconds;
  return undefined;
}

/** The module a marker names: a package's import specifier, or a file by its path from the repository root. */
export const moduleSpecifier = (module: string, repoRoot: string) =>
  /^(apps|libs|tools)\//.test(module) ? pathToFileURL(join(repoRoot, module)).href : module;
