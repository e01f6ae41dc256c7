import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../harness/catalogue/index.ts';
import type { RequirementSet } from '../harness/migration/schema.ts';
import { buildAllureHtml } from '../harness/reporters/allure/html.ts';
import { writeAllureResults } from '../harness/reporters/allure/results.ts';
import { CapabilitiesReportSchema, reportRecords } from '../harness/reporters/capabilities.ts';
import type { ReportInput } from '../harness/reporters/report-input.ts';
import { sampleHeader, sampleRecords } from '../harness/reporters/sample-records.ts';
import { RECORD_REPORTS } from '../harness/reporters/write.ts';
import type { Bench, Figure } from './stats.ts';
import { ms } from './stats.ts';

const SIZES = [1_000, 10_000];
const REPEAT = 3;

function best(fn: () => unknown): { time: number; result: unknown } {
  let time = Infinity;
  let result: unknown;
  for (let i = 0; i < REPEAT; i++) {
    const t0 = performance.now();
    result = fn();
    time = Math.min(time, performance.now() - t0);
  }
  return { time, result };
}

const size = (text: unknown) => `${(Buffer.byteLength(String(text)) / 1024).toFixed(0)} KiB`;

/** What a big run gives: every catalogue capability on as many targets as it takes. */
function targetsFor(count: number): string[] {
  return Array.from(
    { length: Math.ceil(count / catalogue().capabilities.length) },
    (_, i) => `target-${i + 1}`,
  );
}

/** The reporters' input, with a requirement set over every capability and a previous run to diff. */
function input(records: ReportInput['records'], targets: string[]): ReportInput {
  const requirements: RequirementSet = {
    name: 'bench',
    description: 'every capability',
    source: 'bench',
    requirements: catalogue().capabilities.map((c) => ({
      id: c.id.replace(/\./g, '-'),
      title: c.title,
      capabilities: [c.id],
      critical: true,
      legacyTools: [],
    })),
  };
  const header = sampleHeader(targets);
  const previous = CapabilitiesReportSchema.parse({
    schemaVersion: 1,
    run: { ...header, runId: 'earlier' },
    records: records.slice(records.length / 10),
  });
  return { header, records, requirements, previous };
}

/** Time to build every report from 1,000 and 10,000 records (generated from the catalogue). */
export const reportsBench: Bench = {
  title: 'Building every report from 1,000 and 10,000 records',
  run() {
    const figures: Figure[] = [];
    const caps = catalogue().capabilities.length;
    for (const count of SIZES) {
      const label = count.toLocaleString('en');
      const shape = `${caps} capabilities x ${Math.ceil(count / caps)} targets`;
      const targets = targetsFor(count);
      const raw = sampleRecords(count, targets);
      const enrich = best(() => reportRecords(raw));
      figures.push({ name: `records -> report records (${label})`, value: ms(enrich.time), note: shape });
      const data = input(reportRecords(raw), targets);
      let total = enrich.time;
      for (const [name, render] of Object.entries(RECORD_REPORTS)) {
        const { time, result } = best(() => render(data));
        total += time;
        figures.push({ name: `${name} (${label})`, value: ms(time), note: size(result) });
      }
      const dir = mkdtempSync(join(tmpdir(), 'bench-allure-'));
      let t0 = performance.now();
      writeAllureResults(raw, join(dir, 'allure-results'));
      const results = performance.now() - t0;
      t0 = performance.now();
      buildAllureHtml(join(dir, 'allure-results'), join(dir, 'allure'));
      const html = performance.now() - t0;
      rmSync(dir, { recursive: true, force: true });
      figures.push({
        name: `allure-results (${label})`,
        value: ms(results),
        note: 'one file per record, each fsynced by the allure-js-commons writer',
      });
      figures.push({
        name: `allure/index.html (${label})`,
        value: ms(html),
        note: 'allure 3 CLI, single file',
      });
      figures.push({ name: `every report (${label})`, value: ms(total + results + html) });
    }
    return Promise.resolve(figures);
  },
};
