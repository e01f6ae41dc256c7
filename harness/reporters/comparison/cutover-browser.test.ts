import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../browser.ts';
import { writeReports } from '../write.ts';
import { cutoverSampleInput, SAMPLE_V1, SAMPLE_V2 } from './cutover-sample.ts';

// What the v2 target said goes through evidence: it must show as text, never as markup.
const dir = mkdtempSync(join(tmpdir(), 'cutover-'));
writeReports(dir, cutoverSampleInput('<img src=x onerror="document.title=1"> v2 said so'));

let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 1280, height: 900 },
  });
  page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  await page.goto(`file://${join(dir, 'comparison.html')}`);
}, 30_000);

afterAll(async () => {
  await browser?.close();
});

it('shows the cutover section first, with the v1 and v2 columns and one row per listed capability', async () => {
  const section = page.locator('section#cutover');
  expect(await section.isVisible()).toBe(true);
  expect(await page.locator('main > section').first().getAttribute('id')).toBe('cutover');
  expect(await section.locator('h2').textContent()).toBe('What changes on 2027-03-01');
  expect(await section.locator('thead th').allTextContents()).toEqual([
    'Capability',
    `v1: ${SAMPLE_V1}`,
    `v2: ${SAMPLE_V2}`,
    'Change',
    'What an agent must change',
  ]);
  expect(
    await section
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr): string => (tr as HTMLElement).className)),
  ).toEqual(['regression', 'regression', 'same', 'improvement']);
  expect(problems).toEqual([]);
});

it('shows what the target wrote as text: no element comes from it', async () => {
  const section = page.locator('section#cutover');
  expect(await section.locator('img').count()).toBe(0);
  expect(await section.locator('li').first().textContent()).toContain(
    '<img src=x onerror="document.title=1">',
  );
});
