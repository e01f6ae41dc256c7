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
import { defineCommand, type FlagSpecs, type FlagValues } from './define-command.ts';
import { PREVIOUS_FLAG, REQUIREMENTS_FLAG } from './flags.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { HarnessError } from '../errors.ts';

const FLAGS = {
  from: {
    type: 'string',
    arg: 'file',
    help: "the run's capabilities.json",
    defaultNote: '<reports>/capabilities.json',
    conflicts: ['merge'],
  },
  merge: {
    type: 'string',
    arg: 'dir',
    help: "a shard's reports folder (run --shard i/n); give one per shard: writes the reports of the whole run, the same bytes as one unsharded run (its id and time aside)",
    repeat: 'collect',
  },
  requirements: { ...REQUIREMENTS_FLAG, help: `${REQUIREMENTS_FLAG.help}: adds migration readiness` },
  previous: PREVIOUS_FLAG,
  reports: { type: 'string', arg: 'dir', help: 'where reports are read and written', default: 'reports' },
  screenshot: {
    type: 'string',
    arg: 'png',
    help: 'also render comparison.html in headless Chromium to this PNG',
  },
} as const satisfies FlagSpecs;

export const reportCommand = defineCommand({
  name: 'report',
  summary: 'rebuild every report from a run (junit, comparison, Allure HTML)',
  description: [
    'Rebuilds every report of a finished run without running a check: junit.xml, comparison.md and comparison.html from capabilities.json, and the single-file Allure report (allure/index.html) from allure-results/. The same capabilities.json always gives the same bytes.',
  ],
  flags: FLAGS,
  exits: { 0: 'reports written', 1: 'a report could not be built', 2: 'bad usage or input' },
  run: ({ values }) => rebuildReports(values),
});

async function rebuildReports(values: FlagValues<typeof FLAGS>): Promise<number> {
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
