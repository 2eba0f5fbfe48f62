import { appendFileSync } from 'node:fs';

interface RunResults {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
}

/**
 * A jest reporter that appends each project's test counts to the file named by
 * ORDERFLOW_TEST_SUMMARY_FILE, so `npm test` can end with one line for the whole run
 * ("Tests: 42 passed, 0 failed") after Nx has run the projects one by one.
 */
export default class TestSummaryReporter {
  onRunComplete(_contexts: unknown, results: RunResults): void {
    const file = process.env['ORDERFLOW_TEST_SUMMARY_FILE'];
    if (!file) return;
    const { numPassedTests: passed, numFailedTests: failed, numPendingTests: skipped } = results;
    appendFileSync(file, `${JSON.stringify({ passed, failed, skipped })}\n`);
  }
}
