import { createRequire } from 'node:module';
import type * as VitestNode from 'vitest/node';
import { join, relative, resolve } from 'node:path';
import { loadProfile, profileDigest } from '../../mocks/rovo/profile/load.ts';
import { applyBaselines, baselinePasses } from '../expected-failures/evaluate.ts';
import { loadBaseline } from '../expected-failures/load.ts';
import { catalogue } from '../catalogue/index.ts';
import { loadRequirementSet } from '../migration/load.ts';
import { RecordCollector } from '../records/collector.ts';
import { AllureRecordsReporter } from '../reporters/allure/reporter.ts';
import { readCapabilities, reportRecords, type RunHeader } from '../reporters/capabilities.ts';
import { buildReports } from '../reporters/build.ts';
import { writeReports } from '../reporters/write.ts';
import { type RunSettings, SETTINGS_ENV } from '../config/settings.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { resolveDialects } from '../kinds/dialect.ts';
import type { ParsedOf } from './define-command.ts';
import type { runCommand } from './run.ts';
import { Progress } from './progress.ts';
import { parseShard } from './shard.ts';
import { SUITES_DIR } from '../scenario/suites.ts';
import { paint, useColour } from './style.ts';
import { renderBaselines } from './baseline-summary.ts';
import { checkReportsDir, stageReports } from './reports-dir.ts';
import { renderSummary } from './summary.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { terminalText } from './terminal.ts';
import { versions } from './versions.ts';
import { findUnreachable } from '../scenario/reachability.ts';
import { mockFigures } from './fidelity/figure.ts';
import { figureLine } from '../reporters/facts-figure.ts';
import { budgetOf, liveTargets, preflightAll, readOnlyOf, teardownAll } from './live-run.ts';
import type { TargetKind, TargetSpec } from '../targets/spec.ts';

/** Checks each area will report: its capabilities times the targets. */
function expectedChecks(settings: RunSettings): Map<string, number> {
  const expected = new Map<string, number>();
  for (const c of catalogue().capabilities)
    if (!settings.areas || settings.areas.includes(c.area))
      expected.set(c.area, (expected.get(c.area) ?? 0) + settings.targets.length);
  return expected;
}

/**
 * Set by `npm run bench` alone: the run's checks are the one empty check in bench/floor/ (vitest's
 * `floor` project), so the bench measures what this runner costs without any check's own work.
 */
export const BENCH_FLOOR_ENV = 'ROVO_MCP_CONFORMANCE_BENCH_FLOOR';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** `run`: the suites against every target, then the reports and the summary. */
export async function run({ values }: ParsedOf<typeof runCommand>): Promise<number> {
  const shard = values.shard ? parseShard(values.shard) : undefined;
  const built = buildSettings({
    ...(values.target ? { targets: values.target } : {}),
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.area ? { areas: values.area } : {}),
    ...(values.config ? { config: values.config } : {}),
    ...(values.reports ? { reportsDir: values.reports } : {}),
    ...(values.baselines ? { baselinesDir: resolve(values.baselines) } : {}),
    ...(values.ledger ? { ledgerDir: resolve(values.ledger) } : {}),
    budget: budgetOf(values),
  });
  // Where reports go is checked before anything runs: a bad path is a usage error, not a lost run.
  checkReportsDir(resolve(PACKAGE_ROOT, built.reportsDir), values.reports ? '--reports' : 'reportsDir');
  const hasLive = liveTargets(built).length > 0;
  const readOnly = readOnlyOf(values, hasLive);
  // Inputs of the reports are checked before the suites run, so a typo costs seconds, not a run.
  const requirements = values.requirements ? loadRequirementSet(values.requirements) : undefined;
  const previous = values.previous ? readCapabilities(values.previous, '--previous') : undefined;
  const profile = loadProfile(built.profile);
  // Read (and so validate) every target's baseline before anything runs: a broken one is a usage error.
  const baselines = built.targets.map((t) => loadBaseline(t.name, built.baselinesDir));
  // Live targets are checked before any check runs; a problem stops here with what to do.
  const preflighted = await preflightAll({ ...built, readOnly });
  // A target that never answers is found once, here, not by every check waiting out its timeouts.
  const unreachable = await findUnreachable(preflighted);
  // Then every `dialect: auto` of a reachable target is settled from tools/list: a server no dialect
  // fits stops here (exit 2).
  const settings = await resolveDialects({ ...preflighted, ...(unreachable ? { unreachable } : {}) });
  process.env[SETTINGS_ENV] = JSON.stringify(settings);
  // Written beside the previous reports and swapped in at the end: an interrupted run leaves them intact.
  const staged = stageReports(resolve(PACKAGE_ROOT, settings.reportsDir), settings.runId);
  const allureResults = join(staged.dir, 'allure-results');

  const started = Date.now();
  // How far the mock is from the committed surface baseline, whenever the mock is a target.
  const withMock = settings.targets.some((t) => t.kind === 'rovo-mock');
  // ...and how many public facts it reproduces (both cached: same facts, profile and mock, same figures).
  const { fidelity, facts } = withMock ? await mockFigures(profile, settings.profile) : {};
  const header: RunHeader = {
    runId: settings.runId,
    generatedAt: new Date(started).toISOString(),
    targets: settings.targets.map((t) => ({ name: t.name, kind: t.kind, dialect: t.dialect })),
    profile: { name: profile.name, digest: profileDigest(profile) },
    versions: versions(),
    ...(fidelity ? { fidelity } : {}),
    ...(facts ? { facts } : {}),
    ...(shard ? { shard } : {}),
  };
  console.log(
    `rovo-mcp-conformance: run ${settings.runId} against ${settings.targets.map((t) => t.name).join(', ')} (profile ${profile.name})`,
  );
  for (const figure of facts ?? []) console.log(`mock fidelity ${figureLine(figure)}`);
  for (const [name, { reason }] of Object.entries(unreachable ?? {}))
    console.error(
      paint(
        `${terminalText(name)} did not answer initialize: ${terminalText(reason)}; each of its checks fails without running`,
        'red',
        useColour(),
      ),
    );
  const collector = new RecordCollector();
  // Which files a shard gets is vitest's choice, so a shard cannot say which checks are missing.
  const progress = new Progress(shard ? new Map() : expectedChecks(settings));
  const cat = catalogue();
  collector.onRecord((r) => progress.add(cat.has(r.capabilityId) ? cat.get(r.capabilityId).area : '?', r));
  // An area filter picks suite folders before anything loads, not checks after every suite loaded.
  const files = settings.areas
    ? settings.areas.map((a) => `${relative(PACKAGE_ROOT, SUITES_DIR)}/${a}/`)
    : [];
  // Loaded here, not at the top: every other command (report, --help, mock) starts without vite. And
  // by require: tsx's loader thread rewrites every ES module imported under it, which made vitest's
  // own ~400 modules cost 4 s and 170 MB of this process; vitest is JavaScript, Node loads it as is.
  const { startVitest } = createRequire(import.meta.url)('vitest/node') as typeof VitestNode;
  const floor = process.env[BENCH_FLOOR_ENV] === '1';
  const suitesStarted = Date.now();
  const vitest = await startVitest('test', floor ? [] : files, {
    root: PACKAGE_ROOT,
    project: [floor ? 'floor' : 'suites'],
    watch: false,
    reporters: [collector, new AllureRecordsReporter(allureResults, header)],
    passWithNoTests: true,
    ...(shard ? { shard: `${shard.index}/${shard.count}` } : {}),
    ...workers(hasLive, settings.targets),
  });
  await vitest.close();
  const suitesMs = Date.now() - suitesStarted;
  progress.finish();
  const teardownProblems = hasLive && !readOnly ? await teardownAll(settings) : [];

  const records = collector.records;
  const input = {
    header,
    records: reportRecords(records),
    ...(requirements ? { requirements } : {}),
    ...(previous ? { previous } : {}),
  };
  const reports = values['allure-html']
    ? buildReports(staged.dir, input)
    : { written: writeReports(staged.dir, input), problems: [] };
  const written = staged.commit(reports.written);
  const colour = useColour();
  const baseline = applyBaselines(records, baselines);
  console.log('');
  console.log(
    renderSummary(
      records,
      header.targets.map((t) => t.name),
      colour,
      new Set(baseline.expected.map(({ record }) => `${record.capabilityId}\u0000${record.target}`)),
    ),
  );
  console.log(`\n${renderBaselines(baseline, baselines, colour)}`);
  const now = Date.now();
  console.log(
    `\nReports (${seconds(now - started)}): ${written.map((p) => relative(process.cwd(), p)).join(', ')}`,
  );
  // Where the process's time went: start-up (flags, targets, the mock's figures, vitest), the suites
  // (the worker's start, its module loading and every check) and the rest (live teardown, reports).
  console.log(
    `Phases: start-up ${seconds(suitesStarted - performance.timeOrigin)}, suites ${seconds(suitesMs)}, reports ${seconds(now - suitesStarted - suitesMs)}`,
  );
  const problems = [...collector.problems, ...reports.problems, ...teardownProblems];
  for (const p of problems) console.error(paint(`error: ${terminalText(p)}`, 'red', colour));
  if (records.length === 0 && !shard) {
    console.error('No check ran: check the --area and --target values.');
    return 1;
  }
  const failed = !baselinePasses(baseline) || problems.length > 0;
  const untestable = records.some((r) => r.verdict === 'not-testable');
  return failed || (values.strict && untestable) ? 1 : 0;
}

/** Targets the worker serves itself: a second worker costs only CPU, no second container or server. */
const IN_PROCESS: ReadonlySet<TargetKind> = new Set(['rovo-mock', 'legacy-mock', 'legacy-alt']);

/**
 * A live run spends one request budget and one OAuth store: one worker, files in turn. One target
 * keeps vitest's one worker on 2 cores (a second loads every module again for no shorter wall);
 * several in-process mocks double the checks, and a second worker pays for itself (side by side
 * with rovo-v2-mock: 21.4 s with one, 16.6 s with two, on 2 cores).
 */
function workers(hasLive: boolean, targets: readonly TargetSpec[]) {
  if (hasLive) return { maxWorkers: 1, fileParallelism: false };
  return targets.length > 1 && targets.every((t) => IN_PROCESS.has(t.kind)) ? { maxWorkers: 2 } : {};
}
