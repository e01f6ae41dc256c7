import { join } from 'node:path';
import { buildAllureHtml } from './allure/html.ts';
import type { ReportInput } from './report-input.ts';
import { writeReports } from './write.ts';

export interface Built {
  written: string[];
  /** Reports that could not be built; the others are written regardless. */
  problems: string[];
}

/** Every report of a run into `dir`: the record reports, then the Allure HTML from `dir/allure-results`. */
export function buildReports(dir: string, input: ReportInput): Built {
  const written = writeReports(dir, input);
  try {
    written.push(buildAllureHtml(join(dir, 'allure-results'), join(dir, 'allure')));
    return { written, problems: [] };
  } catch (error) {
    return { written, problems: [`Allure HTML not built: ${(error as Error).message}`] };
  }
}
