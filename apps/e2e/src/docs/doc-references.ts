/** A test a page cites: the spec file (from the repository root) and one test title in it. */
export type TestReference = { readonly page: string; readonly file: string; readonly title: string };

/**
 * The tests a page cites under "Proved by": a chapter's `## Proved by` section, and the
 * "Proved by ..." sentences of a lab. Each cited spec file (a link or a backticked path) is
 * followed by the titles of its tests in double quotes; a title ends at a quote followed by
 * `;`, `.`, `)`, ` (`, ` and` or the end (so a title may quote a word itself).
 */
export function provedByReferences(
  page: string,
  markdown: string,
  resolveLink: (target: string) => string,
): TestReference[] {
  const references: TestReference[] = [];
  for (const chunk of provedByChunks(markdown)) {
    const text = chunk.replace(/\s*\n\s*/g, ' ');
    const tokens = [
      ...[...text.matchAll(/\]\(([^)\s]+\.spec\.ts)\)/g)].map((match) => ({
        at: match.index,
        file: resolveLink(match[1] ?? ''),
      })),
      // A backticked path outside a link's text: `apps/x/src/y.int.spec.ts`.
      ...[...text.matchAll(/(?<!\[)`([\w./-]+\.spec\.ts)`(?!\])/g)].map((match) => ({
        at: match.index,
        file: match[1] ?? '',
      })),
      ...[...text.matchAll(/(?<=^|[\s(:;])"(.+?)"(?=[;.)]|\s\(|\s+and\b|\s*$)/g)].map((match) => ({
        at: match.index,
        title: match[1] ?? '',
      })),
    ].sort((a, b) => a.at - b.at);
    let file: string | undefined;
    for (const token of tokens) {
      if ('file' in token) file = token.file;
      else if (file === undefined)
        throw new Error(`${page}: the test title "${token.title}" names no spec file before it`);
      else references.push({ page, file, title: token.title });
    }
  }
  // A lab's "Proved by" sentence may sit inside a "Proved by" section too: count it once.
  return references.filter(
    (reference, index) =>
      references.findIndex((other) => other.file === reference.file && other.title === reference.title) === index,
  );
}

function provedByChunks(markdown: string): string[] {
  const section = /^## Proved by\s*$([\s\S]*?)(?=^## |(?![\s\S]))/gm;
  const sentence = /Proved by\s+(`[\s\S]*?)(?=\n\n|\n#|(?![\s\S]))/g;
  return [
    ...[...markdown.matchAll(section)].map((match) => match[1] ?? ''),
    ...[...markdown.matchAll(sentence)].map((match) => match[1] ?? ''),
  ];
}

/** Does the spec's source hold a test with this title? `%s`, `%d` and `$name` stand for anything. */
export function hasTestTitled(source: string, title: string): boolean {
  const unescaped = source.replace(/\\(['"`])/g, '$1');
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = escaped.replace(/%[sdpj]|\\\$\w+/g, '.+?');
  return new RegExp(`(?:it|test|describe)(?:\\.each\\([\\s\\S]*?\\))?\\(\\s*['"\`]${pattern}['"\`]`).test(unescaped);
}

/** The relative link targets of a page (no URLs, no in-page anchors), anchors cut off. */
export function relativeLinks(markdown: string): string[] {
  return [...markdown.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((match) => match[1] ?? '')
    .filter((target) => !/^[a-z]+:/i.test(target) && !target.startsWith('#'))
    .map((target) => target.split('#')[0] ?? '');
}
