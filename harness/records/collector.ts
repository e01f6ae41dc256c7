import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import type { CheckRecord } from './schema.ts';
import { truncateText } from './bounds.ts';
import { storableRecord, unreportedRecord } from './storable.ts';

/**
 * A vitest reporter that gathers the check records workers attached to `task.meta`, plus anything
 * that stopped suites from running (a suite that fails to load must not look like a clean run).
 * No check is dropped: a record that cannot be stored, or a check test that ended without one,
 * becomes a `failed` record saying why.
 */
export class RecordCollector implements Reporter {
  readonly records: CheckRecord[] = [];
  readonly problems: string[] = [];
  private readonly listeners: ((record: CheckRecord) => void)[] = [];

  onRecord(listener: (record: CheckRecord) => void): void {
    this.listeners.push(listener);
  }

  onTestCaseResult(testCase: TestCase): void {
    const { check, checkRef } = testCase.meta();
    const result = testCase.result();
    const message = truncateText(result.errors?.[0]?.message ?? 'unknown error');
    let record: CheckRecord | undefined;
    if (check !== undefined) record = storableRecord(check, checkRef);
    else if (checkRef && result.state === 'failed') record = unreportedRecord(checkRef, message);
    else if (result.state === 'failed') this.problems.push(`${testCase.fullName}: ${message}`);
    if (!record) return;
    this.records.push(record);
    for (const l of this.listeners) l(record);
  }

  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandled: ReadonlyArray<SerializedError>): void {
    for (const m of modules) {
      for (const e of m.errors()) this.problems.push(`${m.moduleId}: ${truncateText(e.message)}`);
    }
    for (const e of unhandled) this.problems.push(`unhandled: ${truncateText(e.message)}`);
  }
}
