import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';

interface FileResult {
  testFilePath: string;
  numFailingTests: number;
  failureMessage?: string | null;
  testExecError?: { message?: string; stack?: string } | null;
}

interface RunResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  testResults: FileResult[];
}

/** A file that failed with no failing test: it could not load, or a hook or a stray error outside any test failed it. */
export interface FileFailedOutsideTests {
  file: string;
  reason: string;
}

// Jest's messages carry colours; the summary is read in plain logs.
const plain = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex

function firstLine(text: string): string {
  const line = plain(text)
    .split('\n')
    .map((candidate) => candidate.trim())
    .find((candidate) => candidate !== '' && !candidate.startsWith('●'));
  return (line ?? 'no message').slice(0, 300);
}

/** The files of a run that failed although none of their tests did. */
export function filesFailedOutsideTests(
  results: Pick<RunResults, 'testResults'>,
  root = process.cwd(),
): FileFailedOutsideTests[] {
  return results.testResults
    .filter((file) => file.numFailingTests === 0 && (file.testExecError || file.failureMessage))
    .map((file) => ({
      file: relative(root, file.testFilePath),
      // jest leaves testExecError.message empty for a failed afterAll; its failureMessage says it.
      reason: firstLine(file.testExecError?.message || file.failureMessage || file.testExecError?.stack || ''),
    }));
}

/**
 * A jest reporter that appends each project's test counts to the file named by
 * ORDERFLOW_TEST_SUMMARY_FILE, so `npm test` can end with one line for the whole run
 * ("Tests: 42 passed, 0 failed") after Nx has run the projects one by one. A file can fail
 * with every test passed (an afterAll hook that throws, an error after its last test): those
 * are listed too, or the last line would say "0 failed" of a run that failed.
 */
export default class TestSummaryReporter {
  onRunComplete(_contexts: unknown, results: RunResults): void {
    const file = process.env['ORDERFLOW_TEST_SUMMARY_FILE'];
    if (!file) return;
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    const failedOutsideTests = filesFailedOutsideTests(results);
    appendFileSync(file, `${JSON.stringify({ passed, failed, skipped, failedOutsideTests })}\n`);
  }
}
