import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchChromium } from '../browser.ts';
import { renderSummary } from '../cli/summary.ts';
import { terminalText } from '../cli/terminal.ts';
import { ConfigSchema } from '../config/schema.ts';
import { writeAllureResults } from '../reporters/allure/results.ts';
import { buildReports } from '../reporters/build.ts';
import { reportRecords } from '../reporters/capabilities.ts';
import { sampleHeader } from '../reporters/sample-records.ts';
import { mutantSettings } from '../scenario/mutants.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { startHostile } from '../testing/hostile/http.ts';
import type { HostileName, HostileParams } from '../testing/hostile/spec.ts';
import { TEXT_CAP, VALUE_STRING_CAP } from './bounds.ts';
import type { CheckRecord } from './schema.ts';
import { storableRecord } from './storable.ts';

const checks = await loadAllChecks();

/** `protocol.utilities.ping` against a hostile server, as the record the collector would store. */
async function pingAgainst(name: HostileName, params: HostileParams = {}): Promise<CheckRecord> {
  await using server = await startHostile(name, params);
  const target = resolveTarget(`http:${server.url}`, ConfigSchema.parse({}));
  const check = checks.get('protocol.utilities.ping');
  if (!check) throw new Error('no ping check');
  return storableRecord(
    await runCheck({ check, target, settings: { ...mutantSettings(), targets: [target] } }),
  );
}

it('a huge error is cut in the evidence with its full size, and kept bounded in the attached exchange', async () => {
  const record = await pingAgainst('huge-answer', { bytes: 3_000_000, methods: ['ping'] });
  expect(record.verdict).toBe('failed');
  expect(record.evidence).toMatch(/^McpError: MCP error -32603: a huge error message a huge /);
  expect(record.evidence).toMatch(/… \[truncated: 3,000,0\d\d bytes in all\]$/);
  expect(record.evidence.length).toBeLessThan(TEXT_CAP + 50);
  const answer = record.exchange?.find(
    (f) => f.direction === 'received' && JSON.stringify(f).includes('"error"'),
  );
  const message = (answer?.message as { error: { message: string } }).error.message;
  expect(message).toMatch(/… \[truncated: 3,000,000 bytes in all\]$/);
  expect(message.length).toBeLessThan(VALUE_STRING_CAP + 50);

  // Every report stays small; the Allure page is its ~4 MB application plus the bounded exchange.
  const dir = mkdtempSync(join(tmpdir(), 'hostile-reports-'));
  writeAllureResults([record], join(dir, 'allure-results'));
  const built = buildReports(dir, {
    header: sampleHeader([record.target]),
    records: reportRecords([record]),
  });
  expect(built.problems).toEqual([]);
  for (const path of built.written)
    expect(statSync(path).size, path).toBeLessThan(path.endsWith('index.html') ? 5_000_000 : 300_000);
  const attachment = readdirSync(join(dir, 'allure-results')).find((n) => n.endsWith('-attachment.json'));
  expect(readFileSync(join(dir, 'allure-results', attachment ?? ''), 'utf8')).toContain(
    '3,000,000 bytes in all',
  );
}, 60_000);

it('terminal escapes and markup from a target stay text: escaped in the summary, inert in both HTML reports', async () => {
  const record = await pingAgainst('escapes-in-text');
  expect(record).toMatchObject({
    verdict: 'failed',
    evidence: expect.stringContaining('\u001b]0;owned-title') as unknown,
  });
  const summary = renderSummary([record], [record.target], false);
  expect(terminalText(summary)).toBe(summary);
  expect(summary).toContain('ping failed: pwn \\x1b]0;owned-title\\x07\\x1b[2J');

  const dir = mkdtempSync(join(tmpdir(), 'hostile-html-'));
  writeAllureResults([record], join(dir, 'allure-results'));
  const built = buildReports(dir, {
    header: sampleHeader([record.target]),
    records: reportRecords([record]),
  });
  expect(built.problems).toEqual([]);
  const browser = await launchChromium();
  try {
    for (const page of ['comparison.html', 'allure/index.html']) {
      // JavaScript on: the Allure report needs it, and an injected handler would need it too.
      const tab = await browser.newPage();
      const ran: string[] = [];
      tab.on('dialog', (d) => {
        ran.push(d.message());
        void d.dismiss();
      });
      await tab.goto(`file://${join(dir, page)}`);
      await tab.waitForLoadState('load');
      if (page.startsWith('allure'))
        await tab.getByText('protocol', { exact: true }).first().waitFor({ timeout: 15_000 });
      expect(ran, page).toEqual([]);
      expect(await tab.locator('img[src="x"]').count(), page).toBe(0);
      expect(await tab.title(), page).not.toContain('owned-title');
      expect(readFileSync(join(dir, page), 'utf8'), page).not.toContain('<img src=x');
    }
  } finally {
    await browser.close();
  }
}, 120_000);
