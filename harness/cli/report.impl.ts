import { cpSync, existsSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { screenshotFile } from '../browser.ts';
import { loadRequirementSet } from '../migration/load.ts';
import { sortRecords } from '../records/order.ts';
import { buildAllureHtml } from '../reporters/allure/html.ts';
import {
  CAPABILITIES_SCHEMA_VERSION,
  type CapabilitiesReport,
  readCapabilities,
} from '../reporters/capabilities.ts';
import { mergeShards } from '../reporters/merge.ts';
import { writeReports } from '../reporters/write.ts';
import type { ParsedOf } from './define-command.ts';
import type { reportCommand } from './report.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { HarnessError } from '../errors.ts';

/** `report`: every report rebuilt from a finished run (or merged from its shards). */
export async function run({ values }: ParsedOf<typeof reportCommand>): Promise<number> {
  const dir = resolve(PACKAGE_ROOT, values.reports);
  const run = values.merge
    ? mergeInto(dir, values.merge)
    : readCapabilities(values.from ?? join(dir, 'capabilities.json'), '--from');
  const requirements = values.requirements ? loadRequirementSet(values.requirements) : undefined;
  const previous = values.previous ? readCapabilities(values.previous, '--previous') : undefined;
  const written = writeReports(dir, {
    header: run.run,
    records: sortRecords(run.records),
    ...(requirements ? { requirements } : {}),
    ...(previous ? { previous } : {}),
  });
  let status = 0;
  const results = join(dir, 'allure-results');
  if (!existsSync(results) || readdirSync(results).length === 0)
    console.error(`note: no Allure results in ${results} (run writes them); allure/index.html not rebuilt`);
  else
    try {
      written.push(buildAllureHtml(results, join(dir, 'allure')));
    } catch (error) {
      console.error(`error: Allure HTML not built: ${(error as Error).message}`);
      status = 1;
    }
  if (values.screenshot) {
    const png = resolve(values.screenshot);
    await screenshotFile(join(dir, 'comparison.html'), png);
    written.push(png);
  }
  console.log(`Reports: ${written.map((p) => relative(process.cwd(), p)).join(', ')}`);
  return status;
}

/** The shards' records as one run, and their Allure results in `dir/allure-results` for the HTML. */
function mergeInto(dir: string, shardDirs: readonly string[]): CapabilitiesReport {
  if (shardDirs.some((d) => resolve(d) === dir))
    throw new HarnessError(
      'USAGE',
      `--reports ${dir} is one of the --merge folders: write the merged reports elsewhere`,
    );
  const shards = shardDirs.map((d) => ({
    source: d,
    report: readCapabilities(join(resolve(d), 'capabilities.json'), '--merge'),
  }));
  const merged = mergeShards(shards);
  const results = join(dir, 'allure-results');
  rmSync(results, { recursive: true, force: true });
  for (const d of shardDirs) {
    const from = join(resolve(d), 'allure-results');
    if (existsSync(from)) cpSync(from, results, { recursive: true });
  }
  return { schemaVersion: CAPABILITIES_SCHEMA_VERSION, run: merged.header, records: merged.records };
}
