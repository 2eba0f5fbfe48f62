import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.ts';
import type { FileFailedOutsideTests } from './test-summary-reporter.ts';

export interface NxRunOptions {
  /** Send the output to this file (printed later by the caller) instead of this terminal. */
  readonly outputFile?: string;
  /** More environment, e.g. NX_WORKSPACE_DATA_DIRECTORY for a second Nx running beside one. */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * Runs `nx <args>` from the repo root, output inherited, without the daemon or Nx Cloud; a
 * Ctrl-C or SIGTERM goes to Nx too. Resolves to its exit code.
 */
export function runNx(
  args: readonly string[],
  log: (line: string) => void,
  options: NxRunOptions = {},
): Promise<number> {
  const nx = join(REPO_ROOT, 'node_modules', '.bin', 'nx');
  log(`nx ${args.join(' ')}${options.outputFile ? ` (output: ${options.outputFile})` : ''}`);
  const output = options.outputFile ? openSync(options.outputFile, 'w') : 'inherit';
  const child = spawn(nx, args, {
    cwd: REPO_ROOT,
    stdio: ['ignore', output, output],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', ...options.env },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward).on('SIGTERM', forward);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      process.off('SIGINT', forward).off('SIGTERM', forward);
      resolve(code ?? (signal ? 1 : 0));
    }),
  );
}

/**
 * Runs `run` with ORDERFLOW_TEST_SUMMARY_FILE set, then prints the run's closing line, summed
 * over every project's jest run (see test-summary-reporter.ts).
 */
export async function withTestSummary(run: () => Promise<number>): Promise<number> {
  // Started by `npm test` (its Docker phase): the parent sums every phase into its one line.
  if (process.env['ORDERFLOW_TEST_SUMMARY_FILE']) return run();
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'orderflow-test-')), 'summary.jsonl');
  process.env['ORDERFLOW_TEST_SUMMARY_FILE'] = summaryFile;
  try {
    return await run();
  } finally {
    printSummary(summaryFile);
  }
}

function printSummary(summaryFile: string): void {
  const lines = existsSync(summaryFile) ? readFileSync(summaryFile, 'utf8').trim().split('\n').filter(Boolean) : [];
  const total = { passed: 0, failed: 0, skipped: 0 };
  const failedOutsideTests: FileFailedOutsideTests[] = [];
  for (const line of lines) {
    const counts = JSON.parse(line) as typeof total & { failedOutsideTests?: FileFailedOutsideTests[] };
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
    failedOutsideTests.push(...(counts.failedOutsideTests ?? []));
  }
  for (const { file, reason } of failedOutsideTests) console.log(`Failed outside any test: ${file}: ${reason}`);
  const files = failedOutsideTests.length ? `; ${failedOutsideTests.length} test file(s) failed outside any test` : '';
  console.log(
    `Tests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}${files}`,
  );
}
