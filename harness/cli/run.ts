import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { startVitest } from 'vitest/node';
import { loadProfile, profileDigest } from '../../mocks/rovo/profile/load.ts';
import { applyBaselines, baselinePasses } from '../baselines/evaluate.ts';
import { loadBaseline } from '../baselines/load.ts';
import { catalogue } from '../catalogue/index.ts';
import { HarnessError } from '../errors.ts';
import { RecordCollector } from '../records/collector.ts';
import { capabilitiesJson } from '../reporters/capabilities.ts';
import { buildSettings, SETTINGS_ENV } from '../settings.ts';
import { parseFlags } from './args.ts';
import { paint, useColour } from './style.ts';
import { renderBaselines } from './baseline-summary.ts';
import { renderSummary } from './summary.ts';
import { PACKAGE_ROOT, versions } from './versions.ts';

export const RUN_USAGE = `Usage: rovo-mcp-conformance run [options]

Runs the conformance suites against one or more targets and prints a verdict per capability.

Options:
  --target <t>     rovo-mock (default), legacy-mock, rovo-live, http:<url>, stdio:<cmd>,
                   container:<image> or a name from conformance.config.json; repeat for side by side
  --profile <p>    mock behaviour profile (fixtures/profiles/<p>.json), default "default"
  --area <a>       only this capability area (identity, jira, confluence, search, ...); repeatable
  --read-only      run only checks that change nothing (the others report not-testable)
  --strict         exit 1 when any check is not-testable, too
  --config <f>     config file (default: conformance.config.json when present)
  --reports <dir>  where reports go (default: reports)
  --baselines <d>  where expected-failures.<target>.json files are (default: fixtures/baselines)
  -h, --help       this text

Exit codes: 0 no check failed, or only checks the target's expected-failures baseline lists;
1 a check failed that the baseline does not list, a baseline entry now passes (stale: remove it),
or with --strict a check was not testable; 2 bad usage, config or baseline file.`;

/** Prints one line per finished suite file: what ran and how it came out. */
class ProgressReporter implements Reporter {
  onTestModuleEnd(module: TestModule): void {
    const file = module.moduleId.slice(module.moduleId.indexOf('suites/'));
    const mine = [...module.children.allTests()].map((t) => t.meta().check).filter((c) => c !== undefined);
    const failed = mine.filter((c) => c.verdict === 'failed').length;
    const summary = `${file}: ${mine.length} check(s)${failed ? `, ${failed} failed` : ''}`;
    console.log(failed ? paint(summary, 'red') : summary);
  }
}

export async function runCommand(argv: string[]): Promise<number> {
  const { values } = parseFlags(
    argv,
    {
      target: { type: 'string', multiple: true },
      profile: { type: 'string' },
      area: { type: 'string', multiple: true },
      'read-only': { type: 'boolean' },
      strict: { type: 'boolean' },
      config: { type: 'string' },
      reports: { type: 'string' },
      baselines: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    RUN_USAGE,
  );
  if (values.help) {
    console.log(RUN_USAGE);
    return 0;
  }
  const known = new Set(catalogue().areas.map((a) => a.id));
  for (const area of values.area ?? [])
    if (!known.has(area))
      throw new HarnessError('USAGE', `unknown --area "${area}"; areas are: ${[...known].join(', ')}`);

  const settings = buildSettings({
    ...(values.target ? { targets: values.target } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.area ? { areas: values.area } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(values.reports ? { reportsDir: values.reports } : {}),
    ...(values.baselines ? { baselinesDir: resolve(values.baselines) } : {}),
    readOnly: values['read-only'] ?? false,
  });
  const profile = loadProfile(settings.profile);
  // Read (and so validate) every target's baseline before anything runs: a broken one is a usage error.
  const baselines = settings.targets.map((t) => loadBaseline(t.name, settings.baselinesDir));
  process.env[SETTINGS_ENV] = JSON.stringify(settings);

  const collector = new RecordCollector();
  const started = Date.now();
  console.log(
    `rovo-mcp-conformance: run ${settings.runId} against ${settings.targets.map((t) => t.name).join(', ')} (profile ${profile.name})`,
  );
  const vitest = await startVitest('test', [], {
    root: PACKAGE_ROOT,
    project: ['suites'],
    watch: false,
    reporters: [collector, new ProgressReporter()],
    passWithNoTests: true,
  });
  await vitest.close();

  const records = collector.records;
  const reportsDir = resolve(PACKAGE_ROOT, settings.reportsDir);
  mkdirSync(reportsDir, { recursive: true });
  const header = {
    runId: settings.runId,
    generatedAt: new Date(started).toISOString(),
    targets: settings.targets.map((t) => ({ name: t.name, kind: t.kind, dialect: t.dialect })),
    profile: { name: profile.name, digest: profileDigest(profile) },
    versions: versions(),
  };
  writeFileSync(join(reportsDir, 'capabilities.json'), capabilitiesJson(header, records));

  const colour = useColour();
  const baseline = applyBaselines(records, baselines);
  console.log('');
  console.log(
    renderSummary(
      records,
      settings.targets.map((t) => t.name),
      colour,
      new Set(baseline.expected.map(({ record }) => `${record.capabilityId}\u0000${record.target}`)),
    ),
  );
  console.log(`\n${renderBaselines(baseline, baselines, colour)}`);
  console.log(
    `\nReports: ${join(settings.reportsDir, 'capabilities.json')} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  for (const p of collector.problems) console.error(paint(`error: ${p}`, 'red', colour));
  if (records.length === 0) {
    console.error('No check ran: check the --area and --target values.');
    return 1;
  }
  const failed = !baselinePasses(baseline) || collector.problems.length > 0;
  const untestable = records.some((r) => r.verdict === 'not-testable');
  return failed || (values.strict && untestable) ? 1 : 0;
}
