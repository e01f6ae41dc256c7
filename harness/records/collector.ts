import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import { type CheckRecord, CheckRecordSchema } from './schema.ts';

/**
 * A vitest reporter that gathers the check records workers attached to `task.meta`, plus anything
 * that stopped suites from running (a suite that fails to load must not look like a clean run).
 */
export class RecordCollector implements Reporter {
  readonly records: CheckRecord[] = [];
  readonly problems: string[] = [];
  private readonly listeners: ((record: CheckRecord) => void)[] = [];

  onRecord(listener: (record: CheckRecord) => void): void {
    this.listeners.push(listener);
  }

  onTestCaseResult(testCase: TestCase): void {
    const parsed = CheckRecordSchema.safeParse(testCase.meta().check);
    if (parsed.success) {
      this.records.push(parsed.data);
      for (const l of this.listeners) l(parsed.data);
    } else if (testCase.result().state === 'failed') {
      const message = testCase.result().errors?.[0]?.message ?? 'unknown error';
      this.problems.push(`${testCase.fullName}: ${message}`);
    }
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.problems.push(`${m.moduleId}: ${e.message}`);
    }
    for (const e of unhandled) this.problems.push(`unhandled: ${e.message}`);
  }
}
