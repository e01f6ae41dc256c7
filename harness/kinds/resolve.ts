import type { Config } from '../config/schema.ts';
import { loadConfig } from '../config/load.ts';
import { newRunId, type RunSettings, settingsFromEnv } from '../config/settings.ts';
import { HarnessError } from '../errors.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { kinds } from './index.ts';
import type { Declined, Kind } from './kind.ts';
import { expandDefinition, registerTargetSecrets } from '../config/expand.ts';
import { CONFORMANCE_VARIABLES } from './stdio-env.ts';
import { userDialectFile } from '../drivers/mapped/user-file.ts';

interface Strategy {
  name: string;
  resolve(ref: string, config: Config): TargetSpec | Declined;
}

const KINDS: [string, Kind][] = Object.entries(kinds);

/** Ordered like testcontainers' runtime strategies: first match wins, each says why it passed. */
function strategies(): Strategy[] {
  const presets = new Map(KINDS.flatMap(([, kind]) => Object.entries(kind.presets ?? {})));
  return [
    {
      name: 'config',
      resolve(ref, config) {
        const def = config.targets[ref];
        if (!def) return { skipped: `no target named "${ref}" in the config` };
        const expanded = expandDefinition(ref, def, kinds[def.kind].envVariables ?? CONFORMANCE_VARIABLES);
        // A dialect file of the user's is read and validated now: a bad one stops the run before any check.
        if (expanded.dialectFile !== undefined)
          userDialectFile(expanded.dialectFile, `targets.${ref}.dialectFile`);
        return { name: ref, ...expanded, reason: `defined as "${ref}" in the config` };
      },
    },
    {
      name: 'builtin',
      resolve(ref) {
        return presets.get(ref)?.() ?? { skipped: `not one of ${[...presets.keys()].join(', ')}` };
      },
    },
    ...KINDS.flatMap(([name, { reference }]) =>
      reference ? [{ name, resolve: (ref: string) => reference.resolve(ref) }] : [],
    ),
  ];
}

/** What `--target` takes, for the error message: built-in names, then reference forms. */
function forms(): string {
  const names = KINDS.flatMap(([, kind]) => Object.keys(kind.presets ?? {}));
  const references = KINDS.flatMap(([, kind]) => (kind.reference ? [kind.reference.usage] : []));
  return [...names, ...references].join(', ');
}

export function resolveTarget(ref: string, config: Config): TargetSpec {
  const reasons: string[] = [];
  for (const s of strategies()) {
    const attempt = s.resolve(ref, config);
    if (!('skipped' in attempt)) return attempt;
    reasons.push(`  - ${s.name}: ${attempt.skipped}`);
  }
  throw new HarnessError(
    'TARGET_UNRESOLVED',
    `cannot resolve target "${ref}":\n${reasons.join('\n')}\nUse ${forms()} or a name from conformance.config.json.`,
  );
}

/** Settings for a run from config plus overrides, every target resolved; also what `vitest` alone uses (no CLI). */
export function buildSettings(
  overrides: Partial<Omit<RunSettings, 'targets'>> & { targets?: string[]; config?: string } = {},
): RunSettings {
  const { config } = loadConfig(overrides.config);
  const refs = overrides.targets?.length ? overrides.targets : config.defaultTargets;
  const targets = refs.map((r) => resolveTarget(r, config));
  for (const t of targets) registerTargetSecrets(t);
  return {
    runId: overrides.runId ?? newRunId(),
    targets,
    profile: overrides.profile ?? config.profile,
    site: overrides.site ?? config.site,
    ...(overrides.areas ? { areas: overrides.areas } : {}),
    readOnly: overrides.readOnly ?? false,
    checkTimeoutMs: overrides.checkTimeoutMs ?? config.checkTimeoutMs,
    requestTimeoutMs: overrides.requestTimeoutMs ?? config.requestTimeoutMs,
    reportsDir: overrides.reportsDir ?? config.reportsDir,
    ...(overrides.baselinesDir ? { baselinesDir: overrides.baselinesDir } : {}),
    ...(overrides.ledgerDir ? { ledgerDir: overrides.ledgerDir } : {}),
    ...(overrides.budget ? { budget: overrides.budget } : {}),
  };
}

let cached: RunSettings | undefined;

/** The run's settings inside a worker: from the CLI's env, or the config defaults under plain vitest. */
export function runSettings(): RunSettings {
  if (cached) return cached;
  const fromEnv = settingsFromEnv();
  // A worker knows the CLI's secrets too: redaction happens wherever a record is made or written.
  for (const t of fromEnv?.targets ?? []) registerTargetSecrets(t);
  cached = fromEnv ?? buildSettings({ runId: 'local' });
  return cached;
}
