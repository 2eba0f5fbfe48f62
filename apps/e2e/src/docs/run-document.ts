import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@orderflow/kafka-cluster';
import { waitFor } from '@orderflow/testing';
import { shellBlocks, type ShellBlock } from './markdown-blocks.ts';
import { openShellSession, type ShellResult, type ShellSession } from './shell-session.ts';

export type DocumentContext = {
  /** A port the page names (3000, 19092, ...) → the port the test's stack or cluster uses. */
  readonly ports: ReadonlyMap<number, number>;
  /** A folder the page names (`.kafka-local/dev/`, the dev cluster's) → the test cluster's. */
  readonly folders?: ReadonlyMap<string, string>;
  /** The shells' environment: KAFKA_BROKERS and KAFKA_PROFILE point `npm run kafka --` at the test cluster. */
  readonly env: NodeJS.ProcessEnv;
};

/**
 * The page as written, with its ports moved to the test's: `localhost:3000`, `127.0.0.1:19092`
 * and `tcp:3011` (lsof) take the port the test runs that process on.
 */
export function onTestPorts(script: string, ports: ReadonlyMap<number, number>): string {
  return script.replace(/\b(localhost:|127\.0\.0\.1:|tcp:)(\d{4,5})\b/g, (whole, prefix: string, port: string) => {
    const moved = ports.get(Number(port));
    return moved === undefined ? whole : `${prefix}${moved}`;
  });
}

/** The page's folders moved to the test's: `ls .kafka-local/dev/node-1/data` looks at the test cluster. */
export function onTestFolders(script: string, folders: ReadonlyMap<string, string>): string {
  let moved = script;
  for (const [folder, testFolder] of folders) moved = moved.split(folder).join(testFolder);
  return moved;
}

/** The page's script as it runs in the test: on the test's ports and folders. */
const onTest = (script: string, context: DocumentContext) =>
  onTestFolders(onTestPorts(script, context.ports), context.folders ?? new Map());

/**
 * Runs the bash blocks of a page (a path from the repository root) in order, as a reader in
 * several terminals would, and checks each block's expectations; throws at the first block
 * that fails, saying which and why. Clean-up blocks run before (failures ignored) and after.
 */
export async function runDocument(page: string, context: DocumentContext): Promise<void> {
  const blocks = shellBlocks(readFileSync(join(REPO_ROOT, page), 'utf8'), page);
  const sessions = new Map<string, ShellSession>();
  const terminal = (name: string) => {
    let session = sessions.get(name);
    if (!session) {
      session = openShellSession({ cwd: REPO_ROOT, env: context.env });
      sessions.set(name, session);
    }
    return session;
  };
  const cleanups = blocks.filter((block) => block.options.cleanup);
  const cleanUp = async () => {
    for (const block of cleanups) await terminal('cleanup').run(onTest(block.script, context), block.options.timeoutMs);
  };

  try {
    await cleanUp();
    const running: Promise<void>[] = [];
    for (const block of blocks.filter((candidate) => !candidate.options.skip && !candidate.options.cleanup)) {
      const done = runBlock(page, block, terminal(block.options.terminal), context);
      if (!block.options.background) await done;
      else running.push(done);
    }
    await Promise.all(running);
  } finally {
    await cleanUp().catch(() => undefined);
    await Promise.all([...sessions.values()].map((session) => session.close()));
  }
}

async function runBlock(
  page: string,
  block: ShellBlock,
  session: ShellSession,
  context: DocumentContext,
): Promise<void> {
  const script = onTest(block.script, context);
  const attempt = async () => {
    const result = await session.run(script, block.options.timeoutMs);
    const problem = whatIsWrong(block, result);
    if (problem)
      throw new Error(
        `${page}:${block.line} (${block.name}): ${problem}\n--- script ---\n${script}\n--- output ---\n${result.output}`,
      );
    return true;
  };
  if (block.options.retryMs === 0) {
    await attempt();
    return;
  }
  await waitFor(attempt, {
    description: `${page}:${block.line} (${block.name}) to show what the page says`,
    timeoutMs: block.options.retryMs,
    intervalMs: 1_000,
  });
}

function whatIsWrong(block: ShellBlock, result: ShellResult): string | undefined {
  if (result.timedOut) return `still running after ${block.options.timeoutMs} ms`;
  if (result.status !== 0 && !block.options.anyStatus) return `exited with status ${result.status}`;
  const failed = block.expectations.find(({ pattern, negated }) => pattern.test(result.output) === negated);
  if (failed) return `the output ${failed.negated ? 'matches' : 'does not match'} ${failed.pattern}`;
  return undefined;
}
