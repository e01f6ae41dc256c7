import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { launchChromium } from '../../browser.ts';
import { catalogue } from '../../catalogue/index.ts';
import { sampleRecords } from '../sample-records.ts';
import { buildAllureHtml, stripAnalytics } from './html.ts';
import { writeAllureResults } from './results.ts';

it('the single-file Allure report loads nothing from outside the file and shows the checks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'allure-'));
  const records = sampleRecords(catalogue().capabilities.length);
  writeAllureResults(records, join(dir, 'allure-results'));
  const index = buildAllureHtml(join(dir, 'allure-results'), join(dir, 'allure'));
  const html = readFileSync(index, 'utf8');
  expect(html).not.toMatch(/googletagmanager|gtag\(/);

  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const external: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob|about):/.test(r.url())) external.push(r.url());
    });
    await page.goto(`file://${index}`);
    // The report renders in the browser; an area (Allure epic) showing up means it did.
    await page
      .getByText(catalogue().areas[0]?.id ?? 'jira', { exact: true })
      .first()
      .waitFor({ timeout: 15_000 });
    expect(external).toEqual([]);
    expect(await page.textContent('body')).toContain(`Total${records.length}`);
  } finally {
    await browser.close();
  }
}, 60_000);

it('refuses to ship a report that would still load a script from another origin', () => {
  const page = '<html><head><script src="https://cdn.example.com/x.js"></script></head></html>';
  expect(() => stripAnalytics(page)).toThrow(/still references another origin/);
  const gtm =
    '<body><script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>\n<script>\n window.dataLayer = []; gtag("js");\n</script><div id="app"></div></body>';
  expect(stripAnalytics(gtm)).toBe('<body><div id="app"></div></body>');
});
