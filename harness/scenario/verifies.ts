import { test } from 'vitest';
import { judge } from '../expected-failures/evaluate.ts';
import { type Baseline, loadBaseline } from '../expected-failures/load.ts';
import type { BaselineEntry } from '../expected-failures/schema.ts';
import { catalogue } from '../catalogue/index.ts';
import { HarnessError } from '../errors.ts';
import type { CheckRecord } from '../records/schema.ts';
import { runSettings } from '../kinds/resolve.ts';
import { type CheckRef, storableRecord } from '../records/storable.ts';
import type { CheckBody, CheckOptions, RegisteredCheck } from './context.ts';
import { runCheck } from './run-check.ts';

declare module 'vitest' {
  interface TaskMeta {
    check?: CheckRecord;
    checkRef?: CheckRef;
  }
}

const registry = new Map<string, RegisteredCheck>();
const COLLECT_ONLY = Symbol.for('rovo-mcp-conformance.collect-only');

type Flagged = typeof globalThis & { [COLLECT_ONLY]?: boolean };

/** A check failed: vitest reports this message; the record holds the rest. */
export class CheckFailedError extends Error {
  override readonly name = 'CheckFailedError';
  readonly code = 'CHECK_FAILED';
  constructor(readonly record: CheckRecord) {
    super(`${record.capabilityId} failed on ${record.target}: ${record.evidence}`);
  }
}

/** A baseline lists the check as failing, but it did not fail: the entry must go. */
export class StaleBaselineError extends Error {
  override readonly name = 'StaleBaselineError';
  readonly code = 'BASELINE_STALE';
  constructor(record: CheckRecord, entry: BaselineEntry, path: string) {
    super(
      `${record.capabilityId} is listed as an expected failure on ${record.target} (${entry.reason}), but it is now ${record.verdict}: remove its entry from ${path}`,
    );
  }
}

const baselines = new Map<string, Baseline>();
function baselineOf(target: string, dir: string | undefined): Baseline {
  const key = `${dir ?? ''}\u0000${target}`;
  let baseline = baselines.get(key);
  if (!baseline) {
    baseline = loadBaseline(target, dir);
    baselines.set(key, baseline);
  }
  return baseline;
}

/**
 * Declares the check for a catalogue capability and registers one vitest test per run target.
 * An unknown id throws at collection time, so a typo can never silently drop coverage.
 */
export function verifies(id: string, body: CheckBody, options: CheckOptions = {}): void {
  const capability = catalogue().get(id);
  if (registry.has(id))
    throw new HarnessError('CATALOGUE_INVALID', `"${id}" is verified twice; one check per capability`);
  const check = { capability, body, options };
  registry.set(id, check);
  if ((globalThis as Flagged)[COLLECT_ONLY]) return;

  const settings = runSettings();
  if (settings.areas && !settings.areas.includes(capability.area)) return;
  const budget = options.timeoutMs ?? settings.checkTimeoutMs;
  for (const target of settings.targets) {
    test(
      `${id} [${target.name}] ${capability.title}`,
      async (t) => {
        t.task.meta.checkRef = { capabilityId: id, target: target.name };
        // Judged as it will be stored: bounded, and `failed` with the reason if it cannot be stored.
        const record = storableRecord(await runCheck({ check, target, settings }), t.task.meta.checkRef);
        t.task.meta.check = record;
        // The target's expected-failures baseline applies here too, so plain vitest and the CLI agree.
        const baseline = baselineOf(target.name, settings.baselinesDir);
        const entry = baseline.entries.get(id);
        const judgement = judge(record, entry);
        if (judgement === 'unexpected') throw new CheckFailedError(record);
        if (judgement === 'stale' && entry) throw new StaleBaselineError(record, entry, baseline.path);
        if (judgement === 'expected') {
          await t.annotate(`expected failure (${baseline.path}): ${entry?.reason ?? ''}`);
          return;
        }
        if (record.verdict === 'not-testable')
          t.skip(`not-testable: ${record.prerequisite ?? record.evidence}`);
      },
      budget + 5_000,
    );
  }
}

/**
 * Imports suite modules without registering vitest tests, and returns every declared check. The
 * mutation self-test and `npm run mutants` run bodies against healthy and broken mocks this way.
 */
export async function collectChecks(
  load: () => Promise<unknown>,
): Promise<ReadonlyMap<string, RegisteredCheck>> {
  const flagged = globalThis as Flagged;
  flagged[COLLECT_ONLY] = true;
  try {
    await load();
  } finally {
    flagged[COLLECT_ONLY] = false;
  }
  return registry;
}
