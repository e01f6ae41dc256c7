import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { PACKAGE_ROOT } from '../../../lib/paths.ts';
import type { Profile } from '../../../mocks/rovo/profile/schema.ts';
import { type FactsFigure, FactsFigureSchema } from '../../reporters/facts-figure.ts';
import { FIDELITY_DIR, loadFacts } from './load.ts';
import type { FactResult } from './run.ts';
import { type MockFidelity, MockFidelitySchema } from '../../drift/fidelity-schema.ts';
import { SURFACE_SNAPSHOTS_DIR } from '../../drift/snapshot-file.ts';
import { factsFigure } from './summary.ts';

/** One figure per endpoint generation that has facts: v1 (v1 and both-generation facts), then v2. */
export function figures(results: readonly FactResult[], on: string): FactsFigure[] {
  const v2 = (r: FactResult) => r.fact.generation === 'v2';
  const generations = [
    ['v1', results.filter((r) => !v2(r))],
    ['v2', results.filter(v2)],
  ] as const;
  return generations.flatMap(([generation, of]) => (of.length > 0 ? [factsFigure(of, generation, on)] : []));
}

/** Every file under `dir`, sorted, hashed with its path: what the mock's answers can depend on. */
function hashTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) hashTree(hash, path);
    else if (!entry.name.endsWith('.test.ts')) hash.update(path).update(readFileSync(path));
  }
}

/**
 * The facts, the profile, the mock's code and fixtures, the surface snapshots and the code that probes
 * and diffs: a change to any of them recomputes the figures.
 */
function cacheKey(profile: Profile, profileRef: string, dir: string): string {
  const hash = createHash('sha256').update(canonicalJson(profile)).update(profileRef);
  const trees = ['mocks', 'fixtures/sites', 'fixtures/rovo-v2', 'harness/cli/fidelity', 'harness/drift'];
  for (const tree of [dir, SURFACE_SNAPSHOTS_DIR, ...trees.map((d) => join(PACKAGE_ROOT, d))])
    hashTree(hash, tree);
  return hash.digest('hex').slice(0, 32);
}

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules/.cache/rovo-mcp-conformance');

/** What a run's header says about the mock: its public facts reproduced, and its surface's drift. */
export interface MockFigures {
  facts: FactsFigure[];
  fidelity?: MockFidelity;
}
const CachedSchema = z.object({ facts: z.array(FactsFigureSchema), fidelity: MockFidelitySchema.optional() });

/**
 * The mock's figures under `profile` (`profileRef`: as the run named it) for the run header, computed
 * once (probing takes about 7 s, and both need the whole mock loaded) and then read from a cache keyed
 * by everything they depend on; same inputs, same figures, so reports keep their bytes and a run's own
 * process never loads the fake site.
 */
export async function mockFigures(
  profile: Profile,
  profileRef: string = profile.name,
  dir: string = FIDELITY_DIR,
): Promise<MockFigures> {
  const file = join(CACHE_DIR, `mock-figures-${cacheKey(profile, profileRef, dir)}.json`);
  try {
    return CachedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Not computed yet (or a partial file): probe and write it.
  }
  const [{ probeMock }, { mockFidelity }] = await Promise.all([
    import('./run.ts'),
    import('../../drift/fidelity.ts'),
  ]);
  const results: FactResult[] = [];
  for (const fact of loadFacts(dir)) results.push(await probeMock(fact, profile));
  // `profileRef` as the run names it (a name or a file), which the surface figure quotes.
  const fidelity = mockFidelity(profileRef);
  const computed: MockFigures = {
    facts: figures(results, `profile ${profile.name}`),
    ...(fidelity ? { fidelity } : {}),
  };
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, canonicalJson(computed));
    renameSync(partial, file);
  } catch {
    // A read-only install still gets its figures, only not cached.
  }
  return computed;
}
