import { filesFailedOutsideTests } from './test-summary-reporter.ts';

describe('the test summary', () => {
  it('names a file that failed with every test passed, with the first line of its error', () => {
    const results = {
      testResults: [
        { testFilePath: '/repo/apps/a/src/ok.int.spec.ts', numFailingTests: 0, failureMessage: null },
        { testFilePath: '/repo/apps/a/src/red.int.spec.ts', numFailingTests: 2, failureMessage: '  ● a test failed' },
        {
          testFilePath: '/repo/apps/a/src/hook.int.spec.ts',
          numFailingTests: 0,
          failureMessage:
            '\u001b[1m\u001b[31m  ● Test suite failed to run\u001b[39m\n\n    Exceeded timeout of 60000 ms for a hook.\n    more',
        },
        {
          testFilePath: '/repo/apps/a/src/load.spec.ts',
          numFailingTests: 0,
          testExecError: { message: 'Cannot find module x' },
        },
      ],
    };
    expect(filesFailedOutsideTests(results, '/repo')).toEqual([
      { file: 'apps/a/src/hook.int.spec.ts', reason: 'Exceeded timeout of 60000 ms for a hook.' },
      { file: 'apps/a/src/load.spec.ts', reason: 'Cannot find module x' },
    ]);
  });
});
