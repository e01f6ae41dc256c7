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

/** Loads `fixtures/sites/<name>.json` (or a path); parsed once per process, then shared read-only. */
export function loadSiteSeed(nameOrPath = 'default'): SiteSeed {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(SITES_DIR, `${nameOrPath}.json`);
  let seed = cache.get(path);
  if (!seed) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (cause) {
      throw new FixtureError('FIXTURE_INVALID', `site fixture ${path} cannot be read`, { cause });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (cause) {
      throw new FixtureError('FIXTURE_INVALID', `site fixture ${path} is not valid JSON: ${String(cause)}`);
    }
    seed = parseSiteSeed(json, path);
    cache.set(path, seed);
  }
  return seed;
}
