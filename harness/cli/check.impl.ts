import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { catalogue } from '../catalogue/index.ts';
import { HarnessError } from '../errors.ts';
import { deriveRequirements, listServerTools } from '../migration/derive.ts';
import { assertKnownCapabilities, loadRequirementSet } from '../migration/load.ts';
import { readinessChanges } from '../migration/cutover.ts';
import { assessReadiness } from '../migration/readiness.ts';
import type { RequirementSet } from '../migration/schema.ts';
import type { CheckRecord } from '../records/schema.ts';
import { runCheck } from '../scenario/run-check.ts';
import { loadAllChecks } from '../scenario/suites.ts';
import type { RunSettings } from '../config/settings.ts';
import { buildSettings } from '../kinds/resolve.ts';
import { resolveDialects } from '../kinds/dialect.ts';
import { closeWorkerCloud } from '../kinds/worker-cloud.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { storableRecord } from '../records/storable.ts';
import type { ParsedOf } from './define-command.ts';
import type { checkCommand } from './check.ts';
import { liveTargets, preflightAll, readOnlyOf, teardownAll } from './live-run.ts';
import { Progress } from './progress.ts';
import { terminalText } from './terminal.ts';
import { renderCutover } from './cutover-table.ts';
import { renderReadiness } from './readiness-table.ts';
import { useColour } from './style.ts';

interface Chosen {
  set: RequirementSet;
  /** Legacy tools no capability covers (only with --derive-from). */
  uncovered: string[];
}

async function chooseRequirements(
  values: { requirements?: string; out?: string },
  legacy: TargetSpec | undefined,
  settings: RunSettings,
): Promise<Chosen> {
  if (values.requirements) return { set: loadRequirementSet(values.requirements), uncovered: [] };
  if (!legacy) throw new HarnessError('USAGE', 'give --requirements <file> or --derive-from <legacy target>');
  let tools: string[];
  try {
    tools = await listServerTools(legacy, { ...settings, targets: [legacy] });
  } catch (error) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `--derive-from ${legacy.name}: cannot list its tools (${(error as Error).message}); check that the server runs and the target is right, or pass --requirements <file>`,
    );
  }
  const { set, unmapped } = deriveRequirements(tools, legacy.name);
  assertKnownCapabilities(set, 'fixtures/migration/legacy-tool-map.json');
  if (values.out) writeFileSync(resolve(values.out), `${JSON.stringify(set, null, 2)}\n`);
  return { set, uncovered: unmapped };
}

/** Runs each needed capability's check once against the target, in the process (as `mutants` does). */
async function runNeeded(
  ids: readonly string[],
  settings: RunSettings,
  target: TargetSpec,
): Promise<CheckRecord[]> {
  const cat = catalogue();
  const expected = new Map<string, number>();
  for (const id of ids) expected.set(cat.get(id).area, (expected.get(cat.get(id).area) ?? 0) + 1);
  const progress = new Progress(expected);
  const checks = await loadAllChecks();
  const records: CheckRecord[] = [];
  try {
    for (const id of ids) {
      const check = checks.get(id);
      const record: CheckRecord = check
        ? storableRecord(await runCheck({ check, target, settings }))
        : {
            capabilityId: id,
            target: target.name,
            verdict: 'not-testable',
            evidence: 'no check is registered for this capability (did a suite fail to load?)',
            prerequisite: `a verifies('${id}') check`,
            durationMs: 0,
            requests: 0,
          };
      records.push(record);
      progress.add(cat.get(id).area, record);
    }
  } finally {
    progress.finish();
    await closeWorkerCloud();
  }
  return records;
}

/** `check`: the checks a requirement set needs, against one target, and the readiness verdict. */
export async function run({ values }: ParsedOf<typeof checkCommand>): Promise<number> {
  const derive = values['derive-from'];
  if (values.target.length > 2)
    throw new HarnessError(
      'USAGE',
      `--target is given ${values.target.length} times; give one target, or two (the server now, then the one after the cutover)`,
    );
  const resolved = buildSettings({
    targets: [...values.target, ...(derive ? [derive] : [])],
    ...(values.profile ? { profile: values.profile } : {}),
    ...(values.config ? { config: values.config } : {}),
  });
  const legacy = derive ? resolved.targets.at(-1) : undefined;
  const chosen = { ...resolved, targets: resolved.targets.slice(0, values.target.length) };
  // A live target is checked first and written to only when allowed; what a check creates is torn down.
  const hasLive = liveTargets(chosen).length > 0;
  const log = (line: string) => console.error(terminalText(line));
  // As in `run`: `dialect: auto` is settled from tools/list before any check (no dialect fits: exit 2).
  const settings = await resolveDialects(
    await preflightAll({ ...chosen, readOnly: readOnlyOf(values, hasLive) }, log),
  );
  const { set, uncovered } = await chooseRequirements(values, legacy, settings);
  const ids = [...new Set(set.requirements.flatMap((r) => r.capabilities))].sort();
  const records: CheckRecord[] = [];
  for (const target of settings.targets) records.push(...(await runNeeded(ids, settings, target)));
  if (hasLive && !settings.readOnly) for (const p of await teardownAll(settings, log)) log(p);
  // With two targets the answer is the later one's; the earlier one's readiness says what changes.
  const [first, last] = settings.targets.map((t) => assessReadiness(set, records, t.name));
  const readiness = last ?? first;
  if (!readiness) return 2;
  const changes = first && last ? readinessChanges(first, last) : undefined;
  const ready = readiness.ready && uncovered.length === 0;
  if (values.json)
    console.log(
      JSON.stringify(
        {
          requirementSet: set.name,
          target: readiness.target,
          ready,
          requirements: readiness.findings.map((f) => ({
            id: f.requirement.id,
            title: f.requirement.title,
            critical: f.requirement.critical,
            status: f.status,
            reasons: f.reasons,
            workarounds: f.workarounds,
            capabilities: f.capabilities.map((c) => ({ id: c.capabilityId, ...c.record })),
          })),
          uncovered,
          ...(first && changes
            ? {
                cutover: {
                  from: first.target,
                  to: readiness.target,
                  changes: changes.map((c) => ({
                    id: c.requirement.id,
                    title: c.requirement.title,
                    before: c.before,
                    after: c.after,
                    reasons: c.reasons,
                  })),
                },
              }
            : {}),
        },
        null,
        2,
      ),
    );
  else {
    console.log(renderReadiness(readiness, uncovered, useColour()));
    if (first && changes) console.log(`\n${renderCutover(first.target, readiness.target, changes)}`);
  }
  return ready ? 0 : 1;
}
