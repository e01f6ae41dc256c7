import { loadVariants, type Variant } from '../../mocks/variants/index.ts';
import { catalogue } from '../catalogue/index.ts';
import type { CheckRecord } from '../records/schema.ts';
import type { RunSettings } from '../config/settings.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { runCheck } from './run-check.ts';
import type { RegisteredCheck } from './context.ts';

export const MUTANT_TARGET: TargetSpec = {
  name: 'rovo-mock',
  kind: 'rovo-mock',
  dialect: 'rovo',
  reason: 'mutation testing',
};

export interface MutantResult {
  capabilityId: string;
  variant: string;
  defect: string;
  healthy: CheckRecord;
  broken: CheckRecord;
  /** The check passes on the healthy mock (not merely not-testable) and fails on the broken one. */
  proven: boolean;
}

export interface MutantScore {
  results: MutantResult[];
  /** Catalogue capabilities no variant names. */
  unclaimed: string[];
  /** Capabilities with at least one proving variant. */
  proven: string[];
  total: number;
}

export function mutantSettings(): RunSettings {
  return {
    runId: 'mutants',
    targets: [MUTANT_TARGET],
    profile: 'default',
    site: 'default',
    readOnly: false,
    checkTimeoutMs: 15_000,
    requestTimeoutMs: 10_000,
    reportsDir: 'reports',
  };
}

/** Runs one capability's check on the healthy mock and on a variant. */
export async function tryMutant(
  check: RegisteredCheck,
  variant: Variant,
  settings = mutantSettings(),
): Promise<MutantResult> {
  // A variant of a field only an older site has runs, healthy and broken, on that site.
  const base = {
    check,
    target: MUTANT_TARGET,
    settings: { ...settings, site: variant.site ?? settings.site },
  };
  const healthy = await runCheck(base);
  const broken = await runCheck({ ...base, variant });
  return {
    capabilityId: check.capability.id,
    variant: variant.name,
    defect: variant.defect,
    healthy,
    broken,
    proven: provenBy(variant, healthy, broken),
  };
}

/** A clause cited by a SHOULD-level breach: `... — SHOULD (2025-06-18 page#section): "..."`. */
const CITES_CLAUSE = / — (SHOULD|described, not required) \(\d{4}-\d{2}-\d{2} [^)]+\): "/;

/**
 * A check that cannot run on the healthy mock proves nothing, even when the variant fails it. A
 * MUST defect must make it `failed`; a SHOULD defect must turn `supported` into `partial` quoting
 * the clause (failing it would be stricter than the spec).
 */
export function provenBy(variant: Variant, healthy: CheckRecord, broken: CheckRecord): boolean {
  if (variant.verdict === 'partial')
    return (
      healthy.verdict === 'supported' && broken.verdict === 'partial' && CITES_CLAUSE.test(broken.evidence)
    );
  return healthy.verdict !== 'failed' && healthy.verdict !== 'not-testable' && broken.verdict === 'failed';
}

/**
 * The mutation score: checks proven able to fail over all checks in the catalogue, or over those of
 * the given areas. A variant is scoped by the catalogue area of each capability it breaks, so the
 * filter holds however the variants are found.
 */
export async function scoreMutants(
  checks: ReadonlyMap<string, RegisteredCheck>,
  variants?: readonly Variant[],
  areas?: readonly string[],
): Promise<MutantScore> {
  variants ??= await loadVariants();
  const cat = catalogue();
  const inScope = (id: string) => !areas || (cat.has(id) && areas.includes(cat.get(id).area));
  const results: MutantResult[] = [];
  for (const variant of variants) {
    for (const id of variant.breaks.filter(inScope)) {
      const check = checks.get(id);
      if (check) results.push(await tryMutant(check, variant));
    }
  }
  const claimed = new Set(variants.flatMap((v) => v.breaks));
  const all = cat.capabilities.map((c) => c.id).filter(inScope);
  return {
    results,
    unclaimed: all.filter((id) => !claimed.has(id)),
    proven: [...new Set(results.filter((r) => r.proven).map((r) => r.capabilityId))].sort(),
    total: all.length,
  };
}
