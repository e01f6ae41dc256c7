import type { TestResult } from 'allure-js-commons';
import type { RuntimeMessage } from 'allure-js-commons/sdk';
import AllureVitestReporter from 'allure-vitest/reporter';
import type { RunnerTask } from 'vitest';
import { catalogue } from '../../catalogue/index.ts';
import type { CheckRecord } from '../../records/schema.ts';
import { storableRecord, unreportedRecord } from '../../records/storable.ts';
import { redact } from '../../redact.ts';
import type { RunHeader } from '../capabilities.ts';
import { figureLine } from '../facts-figure.ts';
import { allureMessages } from './messages.ts';

/** allure-vitest applies the runtime messages it finds under this task.meta key (allure-vitest 3.12, src/runtime.ts). */
const MESSAGES_KEY = 'allureRuntimeMessages';

/** The report's environment block: targets, profile and its digest, run id, harness/SDK/Node versions. */
function environment(header: RunHeader): Record<string, string> {
  return {
    targets: header.targets.map((t) => `${t.name} (${t.kind})`).join(', '),
    profile: `${header.profile.name} ${header.profile.digest}`,
    run: header.runId,
    ...Object.fromEntries(Object.entries(header.versions).map(([k, v]) => [`${k} version`, v])),
    ...Object.fromEntries((header.facts ?? []).map((f) => [`mock fidelity ${f.generation}`, figureLine(f)])),
  };
}

/**
 * allure-vitest, fed from the check records: labels, the target parameter, the evidence and the
 * failing exchange come from the record the worker attached, so suites need no Allure calls and new
 * capabilities appear without code here. Every result is redacted again just before it is written.
 */
export class AllureRecordsReporter extends AllureVitestReporter {
  private readonly current: { record?: CheckRecord };

  constructor(resultsDir: string, header: RunHeader) {
    const current: { record?: CheckRecord } = {};
    super({
      resultsDir,
      // Each expect() would become a step holding the compared values; the record's evidence says it better, and values may be secrets.
      reportMatchers: false,
      environmentInfo: redact(environment(header)),
      listeners: [{ beforeTestResultWrite: (result) => finish(result, current.record) }],
    });
    this.current = current;
  }

  override handleTask(task: RunnerTask): void {
    const { check, checkRef } = task.meta;
    if (task.type !== 'test' || (check === undefined && !checkRef)) {
      super.handleTask(task);
      return;
    }
    // The same record the collector keeps, so Allure and the other reports agree on every check.
    const record =
      check !== undefined
        ? storableRecord(check, checkRef)
        : checkRef && task.result?.state === 'fail'
          ? unreportedRecord(checkRef, task.result.errors?.[0]?.message ?? 'unknown error')
          : undefined;
    if (!record) {
      super.handleTask(task);
      return;
    }
    const cat = catalogue();
    const meta = task.meta as Record<string, unknown>;
    const existing = Array.isArray(meta[MESSAGES_KEY]) ? (meta[MESSAGES_KEY] as RuntimeMessage[]) : [];
    meta[MESSAGES_KEY] = [
      ...existing,
      ...allureMessages(record, cat.has(record.capabilityId) ? cat.get(record.capabilityId) : undefined),
    ];
    this.current.record = record;
    try {
      super.handleTask(task);
    } finally {
      this.current.record = undefined;
    }
  }
}

/** A not-testable check shows its missing prerequisite (vitest's skip note does not reach Allure). */
function finish(result: TestResult, record: CheckRecord | undefined): void {
  if (record?.verdict === 'not-testable')
    result.statusDetails = { message: `not-testable: ${record.prerequisite ?? record.evidence}` };
  Object.assign(result, redact({ ...result }));
}
