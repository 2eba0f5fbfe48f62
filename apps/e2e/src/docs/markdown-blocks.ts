/**
 * The bash blocks of a Markdown page, as a reader would paste them, with what the page says
 * about running them. Two kinds of HTML comment steer the docs test (a reader never sees them):
 *
 *   <!-- docs-test: skip: the reason -->          before a block: the test does not run it
 *   <!-- docs-test: terminal=3 background -->     before a block: options (see BlockOptions)
 *   <!-- expect: /CONFIRMED/ -->                  after a block: its output must match
 *   <!-- expect-not: /Leader: 2/ -->              after a block: its output must not match
 */
export type BlockOptions = {
  /** Why the test does not run this block (it starts the stack itself, needs Docker, ...). */
  readonly skip: string | undefined;
  /** The reader's terminal: blocks of one terminal run one after another in one shell. */
  readonly terminal: string;
  /** The reader leaves it running and goes on: later blocks of other terminals do not wait. */
  readonly background: boolean;
  /** Runs again, up to this long, until its expectations hold (only for blocks that just look). */
  readonly retryMs: number;
  /** How long one run may take. */
  readonly timeoutMs: number;
  /** The exit status is not checked (a refusal the page shows on purpose). */
  readonly anyStatus: boolean;
  /** Clean-up: run after the page (also when it failed), and before it, ignoring failures. */
  readonly cleanup: boolean;
};

export type Expectation = { readonly pattern: RegExp; readonly negated: boolean };

export type ShellBlock = {
  /** Where the block is, for a failure message: `Steps › 4`, line 63. */
  readonly name: string;
  readonly line: number;
  readonly script: string;
  readonly options: BlockOptions;
  readonly expectations: readonly Expectation[];
};

export const defaultBlockOptions: BlockOptions = {
  skip: undefined,
  terminal: '1',
  background: false,
  retryMs: 0,
  timeoutMs: 180_000,
  anyStatus: false,
  cleanup: false,
};

const FENCE = /^(\s*)```(\S*)\s*$/;
const HEADING = /^#{1,6}\s+(.*)$/;
const STEP = /^(\d+)\.\s/;
const OPTIONS = /^\s*<!--\s*docs-test:\s*(.*?)\s*-->\s*$/;
const EXPECT = /^\s*<!--\s*(expect|expect-not):\s*\/(.*)\/([a-z]*)\s*-->\s*$/;

export function shellBlocks(markdown: string, page = 'page'): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: { name: string; line: number; script: string; options: BlockOptions; expectations: Expectation[] }[] =
    [];
  let heading = '';
  let step = '';
  let pending: BlockOptions = defaultBlockOptions;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      const indent = fence[1]?.length ?? 0;
      const body: string[] = [];
      for (index += 1; index < lines.length && !/^\s*```\s*$/.test(lines[index] ?? ''); index += 1) {
        body.push((lines[index] ?? '').slice(indent));
      }
      if (fence[2] === 'bash') {
        const name = step ? `${heading} › ${step}` : heading;
        blocks.push({ name, line: index - body.length, script: body.join('\n'), options: pending, expectations: [] });
      }
      pending = defaultBlockOptions;
      continue;
    }
    const options = OPTIONS.exec(line);
    if (options) {
      pending = parseOptions(options[1] ?? '', `${page}:${index + 1}`);
      continue;
    }
    const expectation = EXPECT.exec(line);
    if (expectation) {
      const last = blocks.at(-1);
      if (!last) throw new Error(`${page}:${index + 1}: an expectation before any bash block`);
      last.expectations.push({
        pattern: new RegExp(expectation[2] ?? '', expectation[3]),
        negated: expectation[1] === 'expect-not',
      });
      continue;
    }
    const title = HEADING.exec(line);
    if (title) {
      heading = title[1] ?? '';
      step = '';
    }
    const item = STEP.exec(line);
    if (item) step = item[1] ?? '';
  }
  return blocks;
}

/** `skip: reason` alone, or words: `terminal=3`, `background`, `retry=30s`, `timeout=120s`, `any-status`, `cleanup`. */
function parseOptions(text: string, where: string): BlockOptions {
  const skip = /^skip:\s*(.+)$/.exec(text);
  if (skip) return { ...defaultBlockOptions, skip: skip[1] };
  let options: BlockOptions = defaultBlockOptions;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const [key, value = ''] = word.split('=');
    const seconds = () => {
      const parsed = /^(\d+)s$/.exec(value);
      if (!parsed) throw new Error(`${where}: ${key} needs seconds, e.g. ${key}=30s`);
      return Number(parsed[1]) * 1000;
    };
    if (key === 'terminal' && value) options = { ...options, terminal: value };
    else if (key === 'background') options = { ...options, background: true };
    else if (key === 'retry') options = { ...options, retryMs: seconds() };
    else if (key === 'timeout') options = { ...options, timeoutMs: seconds() };
    else if (key === 'any-status') options = { ...options, anyStatus: true };
    else if (key === 'cleanup') options = { ...options, cleanup: true };
    else throw new Error(`${where}: unknown docs-test option "${word}"`);
  }
  return options;
}
