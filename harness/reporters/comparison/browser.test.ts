import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../browser.ts';
import { catalogue } from '../../catalogue/index.ts';
import { PACKAGE_ROOT } from '../../../lib/paths.ts';
import { sampleInput } from '../sample-records.ts';
import { writeReports } from '../write.ts';

const input = sampleInput();
const { records } = input;
const dir = mkdtempSync(join(tmpdir(), 'comparison-'));
writeReports(dir, input);
const file = join(dir, 'comparison.html');

let browser: Browser;
let page: Page;
const problems: string[] = [];
const external: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  // JavaScript off: the page must be complete without it.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 1400 },
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('request', (r) => {
    if (!/^(file|data|about):/.test(r.url())) external.push(r.url());
  });
  await page.goto(`file://${file}`);
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

it('loads with no console error and fetches nothing', () => {
  expect(problems).toEqual([]);
  expect(external).toEqual([]);
  expect(readFileSync(file, 'utf8')).not.toMatch(/<script/i);
});

it('the matrix has one row per capability of the records, grouped by area', async () => {
  const rows = await page
    .locator('table.matrix tr[data-capability]')
    .evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-capability')));
  expect(rows).toEqual([...new Set(records.map((r) => r.capabilityId))]);
  const titles = new Map(catalogue().areas.map((a) => [a.id, a.title]));
  expect(await page.locator('table.matrix tr.area').allTextContents()).toEqual(
    [...new Set(records.map((r) => r.area))].sort().map((id) => titles.get(id)),
  );
  expect(await page.locator('table.matrix thead th').allTextContents()).toEqual([
    'Capability',
    'What it establishes',
    'rovo-mock',
    'legacy-mock',
  ]);
});

it('failing and not-testable verdicts look different from each other and from a pass', async () => {
  const look = (verdict: string) =>
    page
      .locator(`table.matrix td[data-verdict="${verdict}"]`)
      .first()
      .evaluate((td) => {
        const s = getComputedStyle(td);
        return {
          background: `${s.backgroundColor} ${s.backgroundImage}`,
          border: s.borderTopStyle,
          text: td.textContent?.trim().slice(0, 1),
        };
      });
  const [failed, notTestable, supported] = [
    await look('failed'),
    await look('not-testable'),
    await look('supported'),
  ];
  expect(failed.background).not.toBe(notTestable.background);
  expect(failed.border).not.toBe(notTestable.border);
  expect(failed.text).not.toBe(notTestable.text);
  expect(failed.background).not.toBe(supported.background);
  expect(notTestable.background).not.toBe(supported.background);
});

it('writes a screenshot to reports/', async () => {
  mkdirSync(join(PACKAGE_ROOT, 'reports'), { recursive: true });
  const png = await page.screenshot({ path: join(PACKAGE_ROOT, 'reports/comparison.png') });
  expect(png.subarray(1, 4).toString()).toBe('PNG');
});
