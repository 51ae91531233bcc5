import { writeFileSync } from 'node:fs';

/**
 * One plain line — `N passed, N failed` — for CI to read after jest's own summary. A test file that
 * fails to run counts as a failure. scripts/test.sh prints it once jest has exited (written to
 * CIRCULATE_TEST_SUMMARY), so it comes last; without that variable it goes to stderr, after jest's summary.
 */
export default class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed\n`;
    if (process.env.CIRCULATE_TEST_SUMMARY) writeFileSync(process.env.CIRCULATE_TEST_SUMMARY, line);
    else process.stderr.write(line);
  }
}
