import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, FixtureError } from '../../../lib/errors.ts';
import { type SiteSeed, SiteSeedSchema } from './schema.ts';

export const SITES_DIR = join(import.meta.dirname, '../../../fixtures/sites');

/** Parses and validates a seed; a broken fixture fails with each problem's JSON path and reason. */
export function parseSiteSeed(json: unknown, source: string): SiteSeed {
  const parsed = SiteSeedSchema.safeParse(json);
  if (!parsed.success) {
    throw new FixtureError(
      'FIXTURE_INVALID',
      `site fixture ${source} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  }
  return parsed.data;
}

const cache = new Map<string, SiteSeed>();

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A child fixture over its base: objects merge, arrays append (more fields, more issues), values replace. */
function overlay(base: unknown, child: unknown): unknown {
  if (Array.isArray(base) && Array.isArray(child)) return [...(base as unknown[]), ...(child as unknown[])];
  if (!isObject(base) || !isObject(child)) return child;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(child))
    merged[key] = key in base ? overlay(base[key], value) : value;
  return merged;
}

/**
 * A fixture's JSON with `extends: "<name>"` resolved: a site that differs from another by a few
 * entities names it and lists only what it adds (`description` says why it exists).
 */
function resolveExtends(json: unknown, path: string, seen: readonly string[] = []): unknown {
  if (!isObject(json) || json.extends === undefined) return json;
  const { extends: base, description: _description, ...rest } = json;
  if (typeof base !== 'string' || seen.includes(base))
    throw new FixtureError(
      'FIXTURE_INVALID',
      `site fixture ${path}: "extends" must name another fixture, without cycles`,
    );
  const file = join(SITES_DIR, `${base}.json`);
  return overlay(resolveExtends(readJson(file), file, [...seen, base]), rest);
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new FixtureError('FIXTURE_INVALID', `site fixture ${path} cannot be read`, { cause });
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new FixtureError('FIXTURE_INVALID', `site fixture ${path} is not valid JSON: ${String(cause)}`);
  }
}

/** Loads `fixtures/sites/<name>.json` (or a path); parsed once per process, then shared read-only. */
export function loadSiteSeed(nameOrPath = 'default'): SiteSeed {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(SITES_DIR, `${nameOrPath}.json`);
  let seed = cache.get(path);
  if (!seed) {
    seed = parseSiteSeed(resolveExtends(readJson(path), path), path);
    cache.set(path, seed);
  }
  return seed;
}
