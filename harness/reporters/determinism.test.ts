import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { catalogue } from '../catalogue/index.ts';
import { allureMessages } from './allure/messages.ts';
import { readCapabilities } from './capabilities.ts';
import type { ReportInput } from './report-input.ts';
import { sampleInput, sampleRecords } from './sample-records.ts';
import { RECORD_REPORTS, writeReports } from './write.ts';

const records = sampleRecords(catalogue().capabilities.length * 2);

/** A deterministic shuffle, so the test itself is repeatable. */
function shuffled<T>(list: readonly T[], seed: number): T[] {
  return list
    .map((item, i) => ({ item, key: (i * 7919 + seed * 104729) % 1000003 }))
    .sort((a, b) => a.key - b.key)
    .map((x) => x.item);
}

function input(order: number): ReportInput {
  return sampleInput(shuffled(records, order));
}

it.each(Object.keys(RECORD_REPORTS))('%s: the same records in any order give the same bytes', (name) => {
  const render = RECORD_REPORTS[name];
  if (!render) throw new Error(name);
  const first = render(input(1));
  expect(render(input(2))).toBe(first);
  expect(render(input(3))).toBe(first);
});

it('Allure messages: the same record gives the same labels, description and attachment', () => {
  const failed = records.find((r) => r.verdict === 'failed');
  if (!failed) throw new Error('sample has no failed record');
  const cap = catalogue().get(failed.capabilityId);
  expect(JSON.stringify(allureMessages(structuredClone(failed), cap))).toBe(
    JSON.stringify(allureMessages(failed, cap)),
  );
});

it('report rebuilds byte-identical files from the capabilities.json a run wrote', () => {
  const a = mkdtempSync(join(tmpdir(), 'reports-a-'));
  const b = mkdtempSync(join(tmpdir(), 'reports-b-'));
  const original = input(1);
  writeReports(a, original);
  const stored = readCapabilities(join(a, 'capabilities.json'), '--from');
  writeReports(b, { ...original, header: stored.run, records: stored.records });
  for (const file of readdirSync(a))
    expect(readFileSync(join(b, file), 'utf8'), file).toBe(readFileSync(join(a, file), 'utf8'));
});
