import path from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

/**
 * Lists every skipped test with its reason after the run, so a skip can never pass unnoticed as
 * "N passed". The reason is the note given to `context.skip(note)`, else the test's name (which
 * must then say why, as `it.skipIf(...)` tests in this repository do).
 */
export default class SkippedReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const lines: string[] = [];
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests()) {
        const result = test.result();
        if (result.state !== 'skipped') continue;
        const file = path.relative(process.cwd(), testModule.moduleId);
        lines.push(`  ${file} > ${test.fullName}${result.note ? `: ${result.note}` : ''}`);
      }
    }
    if (lines.length > 0) process.stdout.write(`\nSkipped tests (${lines.length}), with their reason:\n${lines.join('\n')}\n`);
  }
}
