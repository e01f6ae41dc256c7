import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { screenshotFile } from '../browser.ts';
import { loadRequirementSet } from '../migration/load.ts';
import { sortRecords } from '../records/order.ts';
import { buildAllureHtml } from '../reporters/allure/html.ts';
import { readCapabilities } from '../reporters/capabilities.ts';
import { writeReports } from '../reporters/write.ts';
import { parseFlags } from './args.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

export const REPORT_USAGE = `Usage: rovo-mcp-conformance report [options]

Rebuilds every report of a finished run without running a check: junit.xml, comparison.md and
comparison.html from capabilities.json, and the single-file Allure report (allure/index.html) from
allure-results/. The same capabilities.json always gives the same bytes.

Options:
  --from <file>          the run's capabilities.json (default: <reports>/capabilities.json)
  --requirements <file>  a requirement set (fixtures/migration/*.json): adds migration readiness
  --previous <file>      an earlier capabilities.json: adds what changed since then
  --reports <dir>        where reports are read and written (default: reports)
  --screenshot <png>     also render comparison.html in headless Chromium to this PNG
  -h, --help             this text

Exit codes: 0 reports written, 1 a report could not be built, 2 bad usage or input.`;

export async function reportCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      from: { type: 'string' },
      requirements: { type: 'string' },
      previous: { type: 'string' },
      reports: { type: 'string' },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    REPORT_USAGE,
  );
  if (values.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  const dir = resolve(PACKAGE_ROOT, values.reports ?? 'reports');
  const run = readCapabilities(values.from ?? join(dir, 'capabilities.json'), '--from');
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
