// Prints one plain closing line, "N passed, N failed", that any CI can read whatever the runner.
// A test file that fails to load (a missing corpus, a syntax error, a throwing import) runs no test
// at all, so counting tests alone would print "0 failed" for a broken run: such a file counts as one
// failure, and so does every error vitest reports outside any test.
import type { Reporter, SerializedError, TestModule } from "vitest/node";

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown> = []): RunCounts {
  const counts: RunCounts = { passed: 0, failed: 0, skipped: 0 };
  for (const module of testModules) {
    let failedTests = 0;
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === "passed") counts.passed++;
      else if (state === "failed") failedTests++;
      else counts.skipped++;
    }
    counts.failed += failedTests;
    // A module that failed without a failing test failed to load or failed in a hook: one failure.
    if (failedTests === 0 && (module.state() === "failed" || module.errors().length > 0)) counts.failed++;
  }
  counts.failed += unhandledErrors.length;
  return counts;
}

export function summaryLine({ passed, failed, skipped }: RunCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    process.stdout.write(`\n${summaryLine(countRun(testModules, unhandledErrors))}\n`);
  }
}
