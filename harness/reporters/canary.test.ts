import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startVitest } from 'vitest/node';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { RecordCollector } from '../records/collector.ts';
import { AllureRecordsReporter } from './allure/reporter.ts';
import { buildReports } from './build.ts';
import { CANARY, NEEDLES } from './canary.ts';
import { reportRecords } from './capabilities.ts';
import { sampleHeader } from './sample-records.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The text of a file, plus the base64 payloads the single-file Allure report embeds, decoded. */
function readable(path: string): string {
  const text = readFileSync(path, 'utf8');
  const embedded = [...text.matchAll(/\bd\("[^"]+","([A-Za-z0-9+/=]+)"\)/g)].map((m) =>
    Buffer.from(m[1] ?? '', 'base64').toString('utf8'),
  );
  return [text, ...embedded].join('\n');
}

it('canary secrets planted in evidence, details, prerequisites and exchanges reach no artifact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'canary-reports-'));
  const header = { ...sampleHeader(['rovo-mock']), versions: { harness: `0.1.0 ${CANARY.bearer}` } };
  const collector = new RecordCollector();
  const vitest = await startVitest('test', [], {
    config: false,
    root: PACKAGE_ROOT,
    include: ['harness/reporters/canary-suite.ts'],
    setupFiles: ['harness/vitest/suite-setup.ts'],
    watch: false,
    reporters: [collector, new AllureRecordsReporter(join(dir, 'allure-results'), header)],
  });
  await vitest.close();
  expect(collector.records.map((r) => `${r.capabilityId} ${r.verdict}`).sort()).toEqual([
    'jira.issue.comment partial',
    'jira.issue.create failed',
    'jira.issue.edit not-testable',
  ]);
  const built = buildReports(dir, { header, records: reportRecords(collector.records) });
  expect(built.problems).toEqual([]);

  const artifacts = files(dir);
  expect(
    artifacts
      .map((p) => p.slice(dir.length + 1))
      .filter((p) => !p.startsWith('allure-results/'))
      .sort(),
  ).toEqual([
    'allure/index.html',
    'allure/summary.json',
    'allure/test-results.json',
    'capabilities.json',
    'comparison.html',
    'comparison.md',
    'junit.xml',
  ]);
  const attachments = artifacts.filter((p) => p.endsWith('-attachment.json'));
  expect(attachments, 'the failing exchange is attached').toHaveLength(1);
  expect(readFileSync(attachments[0] ?? '', 'utf8')).toContain('[REDACTED]');
  for (const path of artifacts) {
    const text = readable(path);
    for (const needle of NEEDLES) expect(text.includes(needle), `${needle} in ${path}`).toBe(false);
  }
}, 60_000);
