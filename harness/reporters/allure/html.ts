import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { HarnessError } from '../../errors.ts';

/** The allure 3 CLI of this install (the package exports no path to it, so go from its main module). */
const ALLURE_CLI = join(dirname(createRequire(import.meta.url).resolve('allure')), '..', 'cli.js');

/**
 * The awesome plugin always embeds Google Tag Manager (analyticsEnable is hard-coded): an external
 * script plus its inline config. Both go; a report opened from a CI artifact must load nothing.
 */
const ANALYTICS =
  /<script async src="https:\/\/www\.googletagmanager\.com\/[^"]*"><\/script>\s*<script>\s*window\.dataLayer[\s\S]*?<\/script>/g;

/** A tag that would fetch from another origin. */
const EXTERNAL =
  /<(?:script|link|img|iframe|source|object|embed)\b[^>]*\b(?:src|href|data)\s*=\s*["']?(?:https?:)?\/\//i;

export function stripAnalytics(html: string): string {
  const stripped = html.replace(ANALYTICS, '');
  const external = EXTERNAL.exec(stripped);
  if (external)
    throw new HarnessError(
      'TOOL_RESULT_INVALID',
      `the Allure report still references another origin near "${stripped.slice(external.index, external.index + 80)}"; the allure CLI changed: update ANALYTICS in harness/reporters/allure/html.ts`,
    );
  return stripped;
}

/** `reports/allure/index.html`: the single-file Allure Awesome report, built offline from allure-results. */
export function buildAllureHtml(resultsDir: string, outDir: string): string {
  if (!existsSync(resultsDir) || readdirSync(resultsDir).length === 0)
    throw new HarnessError(
      'USAGE',
      `no Allure results in ${resultsDir}; run "npm run conformance" first (it writes them)`,
    );
  rmSync(outDir, { recursive: true, force: true });
  const result = spawnSync(
    process.execPath,
    [
      ALLURE_CLI,
      'awesome',
      resultsDir,
      '--single-file',
      '--report-name',
      'rovo-mcp-conformance',
      '--report-language',
      'en',
      '--group-by',
      'epic,feature',
      '--output',
      outDir,
    ],
    { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ALLURE_NO_ANALYTICS: 'true' } },
  );
  const index = join(outDir, 'index.html');
  if (result.status !== 0 || !existsSync(index))
    throw new HarnessError(
      'TOOL_RESULT_INVALID',
      `the allure CLI could not build ${index} (exit ${result.status}): ${(result.stderr || result.stdout).trim().slice(0, 500)}`,
    );
  writeFileSync(index, stripAnalytics(readFileSync(index, 'utf8')));
  return index;
}
