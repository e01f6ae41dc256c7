import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capabilitiesJson } from './capabilities.ts';
import { comparisonHtml } from './comparison/html.ts';
import { comparisonMarkdown } from './comparison/markdown.ts';
import { junitXml } from './junit.ts';
import type { ReportInput } from './report-input.ts';
import { redact } from '../redact.ts';

/** Every file report built from records alone, by name; Allure comes from the vitest run itself. */
export const RECORD_REPORTS: Record<string, (input: ReportInput) => string> = {
  'capabilities.json': (input) => capabilitiesJson(input.header, input.records),
  'junit.xml': junitXml,
  'comparison.md': comparisonMarkdown,
  'comparison.html': comparisonHtml,
};

/**
 * Writes each report whole or not at all (temp file, then rename), and returns the paths written.
 * The one way record reports reach disk, so the input is redacted here, whatever a worker missed.
 */
export function writeReports(dir: string, input: ReportInput): string[] {
  const safe = redact(input);
  mkdirSync(dir, { recursive: true });
  return Object.entries(RECORD_REPORTS).map(([name, render]) => {
    const path = join(dir, name);
    writeFileSync(`${path}.tmp`, render(safe));
    renameSync(`${path}.tmp`, path);
    return path;
  });
}
