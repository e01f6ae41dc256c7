import { Stage, Status } from 'allure-js-commons';
import { createDefaultWriter, ReporterRuntime } from 'allure-js-commons/sdk/reporter';
import { catalogue } from '../../catalogue/index.ts';
import type { CheckRecord } from '../../records/schema.ts';
import { allureMessages } from './messages.ts';

const STATUS = {
  supported: Status.PASSED,
  partial: Status.PASSED,
  unsupported: Status.PASSED,
  failed: Status.FAILED,
  'not-testable': Status.SKIPPED,
} as const;

/**
 * Allure results straight from records, with the same messages the vitest reporter adds; for records
 * that did not come out of a vitest run (the bench, the report's own self-tests).
 */
export function writeAllureResults(
  records: readonly CheckRecord[],
  resultsDir: string,
  startedAt = Date.now(),
): void {
  const runtime = new ReporterRuntime({ writer: createDefaultWriter({ resultsDir }) });
  const cat = catalogue();
  let clock = startedAt;
  for (const r of records) {
    const uuid = runtime.startTest({ name: `${r.capabilityId} [${r.target}]`, start: clock });
    runtime.applyRuntimeMessages(
      uuid,
      allureMessages(r, cat.has(r.capabilityId) ? cat.get(r.capabilityId) : undefined),
    );
    runtime.updateTest(uuid, (result) => {
      result.fullName = `${r.capabilityId} [${r.target}]`;
      result.status = STATUS[r.verdict];
      result.stage = Stage.FINISHED;
      result.statusDetails = { message: r.evidence };
    });
    clock += r.durationMs;
    runtime.stopTest(uuid, { stop: clock });
    runtime.writeTest(uuid);
  }
}
