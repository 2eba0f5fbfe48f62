/**
 * A `.http` file (VS Code REST Client, JetBrains HTTP Client) as the docs test reads it:
 *
 *   @base = http://localhost:3000                 a file variable, used as {{base}}
 *   ### 2. Place an order                         a separator; its text is the request's title
 *   # @name placed                                names the request, for a later reference
 *   # expect: 201                                 the status it must answer (required) ...
 *   # expect: 200 /"status":"CONFIRMED"/          ... and, optionally, what its body must match
 *   # retry: 60s                                  send again, up to this long, until it does
 *   POST {{base}}/orders                          the request line, headers, a blank line, a body
 *
 * A later request reads an answer with `{{placed.response.body.$.id}}` (a JSONPath, `$.a.b`
 * or `$.items[0].sku`, or `*` for the whole body) or `{{placed.response.headers.Location}}`.
 */
export type HttpExpectation = { readonly status: number; readonly body: RegExp | undefined };

export type HttpRequest = {
  readonly title: string;
  /** The request line's line number, for a failure message. */
  readonly line: number;
  readonly name: string | undefined;
  readonly method: string;
  readonly url: string;
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string | undefined;
  readonly expectation: HttpExpectation;
  readonly retryMs: number;
};

export type HttpFile = { readonly variables: ReadonlyMap<string, string>; readonly requests: readonly HttpRequest[] };

/** An answer, kept under its request's name for the references of later requests. */
export type HttpAnswer = { readonly status: number; readonly headers: Headers; readonly body: string };

const SEPARATOR = /^###(.*)$/;
const VARIABLE = /^@([\w-]+)\s*=\s*(.*?)\s*$/;
const REQUEST_LINE = /^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\s+(\S+)(\s+HTTP\/[\d.]+)?\s*$/;
const NAME = /^#\s*@name\s+([\w-]+)\s*$/;
const EXPECT = /^#\s*expect:\s*(\d{3})(?:\s+\/(.*)\/([a-z]*))?\s*$/;
const RETRY = /^#\s*retry:\s*(\S*)\s*$/;
const HEADER = /^([\w-]+):\s*(.*)$/;

type Draft = { title: string; name?: string; expectation?: HttpExpectation; retryMs: number };

export function parseHttpFile(text: string, file = 'requests.http'): HttpFile {
  const lines = text.split('\n');
  const variables = new Map<string, string>();
  const requests: HttpRequest[] = [];
  let draft: Draft = { title: '', retryMs: 0 };
  let previousWasSeparator = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = (lines[index] ?? '').trimEnd();
    const where = `${file}:${index + 1}`;
    const separator = SEPARATOR.exec(line);
    // A title may go on over several `###` lines: the first one names the request.
    if (separator) {
      if (!previousWasSeparator) draft = { title: (separator[1] ?? '').trim(), retryMs: 0 };
      previousWasSeparator = true;
      continue;
    }
    previousWasSeparator = false;
    const variable = VARIABLE.exec(line);
    if (variable) {
      variables.set(variable[1] ?? '', variable[2] ?? '');
      continue;
    }
    if (line.startsWith('#') || line.startsWith('//')) {
      draft = withComment(draft, line, where);
      continue;
    }
    const request = REQUEST_LINE.exec(line);
    if (!request) {
      if (line.trim()) throw new Error(`${where}: neither a request line, a variable nor a comment: "${line}"`);
      continue;
    }
    if (!draft.expectation)
      throw new Error(`${where}: request "${draft.title}" says no "# expect: <status>" before its request line`);
    const requestLine = index + 1;
    const message = readMessage(lines, index + 1, file);
    index = message.end;
    requests.push({
      title: draft.title,
      line: requestLine,
      name: draft.name,
      method: request[1] ?? 'GET',
      url: request[2] ?? '',
      headers: message.headers,
      body: message.body,
      expectation: draft.expectation,
      retryMs: draft.retryMs,
    });
    draft = { title: '', retryMs: 0 };
  }
  return { variables, requests };
}

/**
 * What follows a request line: headers up to the first blank line, then the body up to the
 * next `###`. `end` is the index of the message's last line.
 */
function readMessage(lines: readonly string[], from: number, file: string) {
  const headers: [string, string][] = [];
  let index = from;
  for (; index < lines.length && (lines[index] ?? '').trim(); index += 1) {
    const line = (lines[index] ?? '').trim();
    const header = HEADER.exec(line);
    if (header) headers.push([header[1] ?? '', header[2] ?? '']);
    else if (!line.startsWith('#')) throw new Error(`${file}:${index + 1}: not a header: "${line}"`);
  }
  const body: string[] = [];
  for (; index < lines.length && !SEPARATOR.test(lines[index] ?? ''); index += 1) body.push(lines[index] ?? '');
  return { headers, body: body.join('\n').trim() || undefined, end: index - 1 };
}

function withComment(draft: Draft, line: string, where: string): Draft {
  const name = NAME.exec(line);
  if (name) return { ...draft, name: name[1] };
  const expectation = EXPECT.exec(line);
  if (expectation) {
    const body = expectation[2] === undefined ? undefined : new RegExp(expectation[2], expectation[3]);
    return { ...draft, expectation: { status: Number(expectation[1]), body } };
  }
  if (/^#\s*expect:/.test(line))
    throw new Error(`${where}: "# expect:" needs a status, and may add a /regex/: "${line}"`);
  const retry = RETRY.exec(line);
  if (retry) {
    const seconds = /^(\d+)s$/.exec(retry[1] ?? '');
    if (!seconds) throw new Error(`${where}: "# retry:" needs seconds, e.g. # retry: 30s`);
    return { ...draft, retryMs: Number(seconds[1]) * 1000 };
  }
  return draft;
}

/**
 * The text with every `{{...}}` replaced: a file variable (which may use others), or a
 * reference to the answer of an earlier named request. Anything else is an error: sending
 * `{{placed.response.body.$.id}}` as it stands would only fail further on, less clearly.
 */
export function substitute(
  text: string,
  variables: ReadonlyMap<string, string>,
  answers: ReadonlyMap<string, HttpAnswer>,
): string {
  return text.replace(/\{\{\s*(.+?)\s*\}\}/g, (_whole, reference: string) => {
    const value = variables.get(reference);
    if (value !== undefined) return substitute(value, variables, answers);
    return fromAnswer(reference, answers);
  });
}

function fromAnswer(reference: string, answers: ReadonlyMap<string, HttpAnswer>): string {
  const parts = /^([\w-]+)\.response\.(body|headers)\.(.+)$/.exec(reference);
  if (!parts) throw new Error(`{{${reference}}}: no such variable, nor a {{name.response.body.$.path}} reference`);
  const [, name = '', part, path = ''] = parts;
  const answer = answers.get(name);
  if (!answer) throw new Error(`{{${reference}}}: no earlier request is named "${name}"`);
  if (part === 'headers') return answer.headers.get(path) ?? '';
  if (path === '*') return answer.body;
  const found = jsonPath(JSON.parse(answer.body) as unknown, path);
  if (found === undefined) throw new Error(`{{${reference}}}: the answer of "${name}" has nothing at ${path}`);
  return typeof found === 'string' ? found : JSON.stringify(found);
}

/** The value at a JSONPath of plain steps: `$.order.id`, `$.items[0].sku`. */
export function jsonPath(value: unknown, path: string): unknown {
  if (!path.startsWith('$')) throw new Error(`${path}: a body reference is a JSONPath, starting with $ (e.g. $.id)`);
  const steps = path.slice(1).match(/\.[^.[]+|\[\d+\]/g) ?? [];
  let current = value;
  for (const step of steps) {
    if (typeof current !== 'object' || current === null) return undefined;
    const key = step.startsWith('[') ? Number(step.slice(1, -1)) : step.slice(1);
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}
