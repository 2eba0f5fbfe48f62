import { hasTestTitled, provedByReferences } from './doc-references.ts';
import { shellBlocks } from './markdown-blocks.ts';
import { onTestPorts } from './run-document.ts';

const page = `# Lab
## Steps
1. Start:
   <!-- docs-test: skip: the test runs the stack -->
   \`\`\`bash
   npm start
   \`\`\`
2. Look:
   <!-- docs-test: terminal=2 retry=30s -->
   \`\`\`bash
   curl -s localhost:3000/orders/$ORDER
   \`\`\`
   <!-- expect: /"status":"CONFIRMED"/ -->
   <!-- expect-not: /PENDING/i -->
\`\`\`
not bash: ignored
\`\`\`
`;

describe('the bash blocks of a page', () => {
  it('come with their options and expectations, named by heading and step, indentation removed', () => {
    const [start, look, ...rest] = shellBlocks(page);

    expect(rest).toEqual([]);
    expect(start).toMatchObject({ name: 'Steps › 1', script: 'npm start', options: { skip: 'the test runs the stack' } });
    expect(look).toMatchObject({ name: 'Steps › 2', script: 'curl -s localhost:3000/orders/$ORDER', options: { terminal: '2', retryMs: 30_000, skip: undefined } });
    expect(look?.expectations).toEqual([
      { pattern: /"status":"CONFIRMED"/, negated: false },
      { pattern: /PENDING/i, negated: true },
    ]);
  });

  it('refuse an option the docs test does not know, naming where it is', () => {
    expect(() => shellBlocks('<!-- docs-test: retyr=3s -->\n```bash\nls\n```\n', 'a.md')).toThrow('a.md:1: unknown docs-test option "retyr=3s"');
  });

  it('run on the test ports: the dev ports of services and brokers are moved, others kept', () => {
    const ports = new Map([
      [3000, 41000],
      [19092, 29142],
    ]);
    expect(onTestPorts('curl localhost:3000/x 127.0.0.1:19092 lsof -i tcp:3000 localhost:8080', ports)).toBe('curl localhost:41000/x 127.0.0.1:29142 lsof -i tcp:41000 localhost:8080');
  });
});

describe('the "Proved by" parser', () => {
  it('gives each quoted title the spec file named before it, a title quoting a word included', () => {
    const markdown = `## Proved by
- [\`a.spec.ts\`](../libs/a.spec.ts): "does one thing"; "makes a field "null or value", defaulting
  to null" (and more) and "does %s".

Proved by \`apps/b.int.spec.ts\` ("survives a crash").
`;
    expect(provedByReferences('docs/x.md', markdown, (target) => target.replace('../', ''))).toEqual([
      { page: 'docs/x.md', file: 'libs/a.spec.ts', title: 'does one thing' },
      { page: 'docs/x.md', file: 'libs/a.spec.ts', title: 'makes a field "null or value", defaulting to null' },
      { page: 'docs/x.md', file: 'libs/a.spec.ts', title: 'does %s' },
      { page: 'docs/x.md', file: 'apps/b.int.spec.ts', title: 'survives a crash' },
    ]);
  });

  it('finds a title among the tests of a file, placeholders standing for anything', () => {
    const source = "it.each(['x'])('reads %s with its metadata', () => {});\nit('can\\'t fail', () => {});";

    expect(hasTestTitled(source, 'reads %s with its metadata')).toBe(true);
    expect(hasTestTitled(source, "can't fail")).toBe(true);
    expect(hasTestTitled(source, 'reads with its metadata')).toBe(false);
  });
});
