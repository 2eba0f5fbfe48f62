import { declaresName, namedFunctions } from './code-names.ts';
import { quotedNumbers, valueAt } from './code-numbers.ts';
import { hasTestTitled, provedByReferences } from './doc-references.ts';
import { shellBlocks } from './markdown-blocks.ts';
import { onTestFolders, onTestPorts } from './run-document.ts';

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
    expect(start).toMatchObject({
      name: 'Steps › 1',
      script: 'npm start',
      options: { skip: 'the test runs the stack' },
    });
    expect(look).toMatchObject({
      name: 'Steps › 2',
      script: 'curl -s localhost:3000/orders/$ORDER',
      options: { terminal: '2', retryMs: 30_000, skip: undefined },
    });
    expect(look?.expectations).toEqual([
      { pattern: /"status":"CONFIRMED"/, negated: false },
      { pattern: /PENDING/i, negated: true },
    ]);
  });

  it('refuse an option the docs test does not know, naming where it is', () => {
    expect(() => shellBlocks('<!-- docs-test: retyr=3s -->\n```bash\nls\n```\n', 'a.md')).toThrow(
      'a.md:1: unknown docs-test option "retyr=3s"',
    );
  });

  it('run on the test ports: the dev ports of services and brokers are moved, others kept', () => {
    const ports = new Map([
      [3000, 41000],
      [19092, 29142],
    ]);
    expect(onTestPorts('curl localhost:3000/x 127.0.0.1:19092 lsof -i tcp:3000 localhost:8080', ports)).toBe(
      'curl localhost:41000/x 127.0.0.1:29142 lsof -i tcp:41000 localhost:8080',
    );
  });

  it("look at the test cluster's folder where they name the dev cluster's", () => {
    const folders = new Map([['.kafka-local/dev/', '.kafka-local/test/']]);
    expect(onTestFolders('ls .kafka-local/dev/node-1/data .kafka-local/devices', folders)).toBe(
      'ls .kafka-local/test/node-1/data .kafka-local/devices',
    );
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

describe('the functions a page names beside a file', () => {
  const resolveLink = (target: string) => target.replace('../', '');

  it('gives a name the file right after it, or in an "In the code" item the last file before it', () => {
    const markdown = `Text: \`serviceLevelFor()\` in [\`log.ts\`](../libs/log.ts); \`alone()\` names nothing.

## In the code
- [\`libs/a.ts\`](../libs/a.ts): \`one()\` and \`two()\` (\`Partitioners.DefaultPartitioner\`);
  \`three()\` ([\`b.ts\`](../libs/b.ts)), \`status().lastError\`.
- \`four()\` in \`libs/c.ts\`.
`;
    expect(namedFunctions('docs/x.md', markdown, resolveLink).map(({ name, file }) => `${name} ${file}`)).toEqual([
      'one libs/a.ts',
      'two libs/a.ts',
      'three libs/b.ts',
      'four libs/c.ts',
      'serviceLevelFor libs/log.ts',
    ]);
  });

  it('finds a declared function, const, method or property, and a method the file calls', () => {
    const source = `export function drain() {}
const send = async () => {};
  status(): Status;
  eachBatch: async ({ batch }) => {},
await admin.createTopics({ topics });
import { groupByTopic } from './outbox-batch.ts';
started.publishMessages(groupByTopic(rows));`;

    for (const name of ['drain', 'send', 'status', 'eachBatch', 'createTopics'])
      expect(declaresName(source, name)).toBe(true);
    expect(declaresName(source, 'groupByTopic')).toBe(false);
    expect(declaresName(source, 'publishBatch')).toBe(false);
  });
});

describe('the numbers a page quotes from the code', () => {
  it('reads the number before each marker, a duration in milliseconds, digit groups allowed', () => {
    const markdown = `up to 500 rows <!-- code: @orderflow/kafka outboxRelayDefaults.batchSize --> and 1,000,000
<!-- code: @orderflow/kafka outboxRelayDefaults.maxRequestBytes -->; from **2 s** <!-- code: m a.b -->,
7 days' <!-- code: @orderflow/events defaultTopicSettings.config['retention.ms'] --> retention.`;

    expect(
      quotedNumbers('docs/x.md', markdown).map(({ line, quoted, value, module, path }) => ({
        line,
        quoted,
        value,
        module,
        path,
      })),
    ).toEqual([
      {
        line: 1,
        quoted: '500 rows',
        value: 500,
        module: '@orderflow/kafka',
        path: ['outboxRelayDefaults', 'batchSize'],
      },
      {
        line: 2,
        quoted: '1,000,000',
        value: 1_000_000,
        module: '@orderflow/kafka',
        path: ['outboxRelayDefaults', 'maxRequestBytes'],
      },
      { line: 2, quoted: '2 s', value: 2_000, module: 'm', path: ['a', 'b'] },
      {
        line: 3,
        quoted: '7 days',
        value: 604_800_000,
        module: '@orderflow/events',
        path: ['defaultTopicSettings', 'config', 'retention.ms'],
      },
    ]);
  });

  it('reads minutes, hours and KiB', () => {
    const markdown = 'every 10 minutes <!-- code: m a -->, 24 hours <!-- code: m b --> and 64 KiB <!-- code: m c -->';
    expect(quotedNumbers('docs/x.md', markdown).map(({ value }) => value)).toEqual([600_000, 86_400_000, 65_536]);
  });

  it('refuses a marker with no number right before it, naming where it is', () => {
    expect(() => quotedNumbers('docs/x.md', 'a\nthe retries <!-- code: m a.b -->')).toThrow(
      'docs/x.md:2: no number right before the marker',
    );
  });

  it('reads a number, or a config string holding one, at the path', () => {
    expect(
      valueAt({ settings: { config: { 'retention.ms': '604800000' }, retries: 20 } }, ['settings', 'retries']),
    ).toBe(20);
    expect(
      valueAt({ settings: { config: { 'retention.ms': '604800000' } } }, ['settings', 'config', 'retention.ms']),
    ).toBe(604_800_000);
    expect(valueAt({ settings: {} }, ['settings', 'missing'])).toBeUndefined();
    expect(valueAt({ pool: { keepaliveIdleSeconds: 10 } }, ['pool', 'keepaliveIdleSeconds'])).toBe(10_000);
  });
});
