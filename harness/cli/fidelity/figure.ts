import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { PACKAGE_ROOT } from '../../../lib/paths.ts';
import type { Profile } from '../../../mocks/rovo/profile/schema.ts';
import { type FactsFigure, FactsFigureSchema } from '../../reporters/facts-figure.ts';
import { FIDELITY_DIR, loadFacts } from './load.ts';
import { type FactResult, probeMock } from './run.ts';
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

/** The facts, the profile, and the mock's code and fixtures: a change to any of them recomputes the figure. */
function cacheKey(profile: Profile, dir: string): string {
  const hash = createHash('sha256').update(canonicalJson(profile));
  for (const tree of [
    dir,
    ...['mocks', 'fixtures/sites', 'fixtures/rovo-v2'].map((d) => join(PACKAGE_ROOT, d)),
  ])
    hashTree(hash, tree);
  return hash.digest('hex').slice(0, 32);
}

const CACHE_DIR = join(PACKAGE_ROOT, 'node_modules/.cache/rovo-mcp-conformance');
const CachedSchema = z.array(FactsFigureSchema);

/**
 * The mock's figure under `profile` for the run header, probed once (about 7 s) and then read from a
 * cache keyed by everything it depends on; same inputs, same figure, so reports keep their bytes.
 */
export async function mockFigures(profile: Profile, dir: string = FIDELITY_DIR): Promise<FactsFigure[]> {
  const file = join(CACHE_DIR, `fidelity-${cacheKey(profile, dir)}.json`);
  try {
    return CachedSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
  } catch {
    // Not computed yet (or a partial file): probe and write it.
  }
  const results: FactResult[] = [];
  for (const fact of loadFacts(dir)) results.push(await probeMock(fact, profile));
  const computed = figures(results, `profile ${profile.name}`);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed: a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}`;
    writeFileSync(partial, canonicalJson(computed));
    renameSync(partial, file);
  } catch {
    // A read-only install still gets its figure, only not cached.
  }
  return computed;
}
