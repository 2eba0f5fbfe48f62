/**
 * The functions a page names beside a file: "`name()` in [`file.ts`](...)", and, in a chapter's
 * "## In the code" list, every `name()` of a list item. A name belongs to the file linked (or
 * written as a backticked path) right after it, "in [file]" or "([file])"; in an "In the code"
 * item it otherwise belongs to the last file named before it in the item. Only `name()` with
 * empty parentheses counts: `status().lastError` or `causedBy(x)` quote code, they name nothing.
 */
export type NamedFunction = { readonly page: string; readonly name: string; readonly file: string };

const NAME = /`([A-Za-z_$][\w$]*)\(\)`/g;
// A file right after a name: ` in [`x.ts`](../x.ts)`, ` ([`x.ts`](../x.ts))`, ` in `x.ts``.
const PATH = String.raw`[\w./-]+\.(?:ts|mjs|sql|yml|json)`;
const FILE_AFTER = new RegExp(String.raw`^\s+(?:in\s+|\()(?:\[[^\]]*\]\(([^)\s]+)\)|\x60(${PATH})\x60)`);
const FILE = new RegExp(String.raw`\[[^\]]*\]\(([^)\s#]+)[^)]*\)|(?<!\[)\x60(${PATH})\x60`, 'g');

export function namedFunctions(
  page: string,
  markdown: string,
  resolveLink: (target: string) => string,
): NamedFunction[] {
  const inTheCode = inTheCodeItems(markdown);
  const running = markdown.replace(/^## In the code\s*$[\s\S]*?(?=^## |(?![\s\S]))/m, '');
  return [
    ...inTheCode.flatMap((item) => namesIn(page, item, resolveLink, true)),
    ...running.split(/\n\s*\n/).flatMap((paragraph) => namesIn(page, paragraph, resolveLink, false)),
  ];
}

function inTheCodeItems(markdown: string): string[] {
  const section = /^## In the code\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown)?.[1] ?? '';
  return section.split(/^- /m).slice(1);
}

function namesIn(
  page: string,
  text: string,
  resolveLink: (target: string) => string,
  fileBeforeCounts: boolean,
): NamedFunction[] {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  const files = [...flat.matchAll(FILE)].map((match) => ({
    at: match.index,
    file: match[1] !== undefined ? resolveLink(match[1]) : (match[2] ?? ''),
  }));
  const named: NamedFunction[] = [];
  for (const match of flat.matchAll(NAME)) {
    const name = match[1] ?? '';
    const after = FILE_AFTER.exec(flat.slice(match.index + match[0].length));
    if (after) {
      named.push({ page, name, file: after[1] !== undefined ? resolveLink(after[1]) : (after[2] ?? '') });
      continue;
    }
    if (!fileBeforeCounts) continue;
    const before = files.filter((file) => file.at < match.index).at(-1);
    if (before) named.push({ page, name, file: before.file });
  }
  return named;
}

/**
 * Does the source declare this name: a function, a const, a method or a property holding a
 * function (in a class, an object or a type)? A kafkajs call the file makes counts too
 * (`admin.createTopics()`): the docs name the calls a file makes as well as its own functions.
 */
export function declaresName(source: string, name: string): boolean {
  const n = name.replace(/\$/g, '\\$');
  return [
    new RegExp(`\\bfunction\\*?\\s+${n}\\s*[<(]`),
    new RegExp(`\\b(?:const|let|var)\\s+${n}\\b`),
    new RegExp(`^\\s*(?:(?:public|private|protected|static|readonly|async|get)\\s+)*${n}\\??\\s*[<(]`, 'm'),
    new RegExp(`[{,\\s]${n}\\??\\s*:\\s*(?:async\\s*)?(?:\\(|function\\b|[\\w$]+\\s*=>)`),
    new RegExp(`\\.${n}\\s*[<(]`),
  ].some((pattern) => pattern.test(source));
}
