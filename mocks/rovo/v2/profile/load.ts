import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeIssues, FixtureError } from '../../../../lib/errors.ts';
import { type V2Profile, V2ProfileSchema } from './schema.ts';

export const V2_PROFILES_DIR = join(import.meta.dirname, '../../../../fixtures/rovo-v2/profiles');

export function parseV2Profile(json: unknown, source: string): V2Profile {
  const parsed = V2ProfileSchema.safeParse(json);
  if (!parsed.success)
    throw new FixtureError(
      'PROFILE_INVALID',
      `v2 profile ${source} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data as V2Profile;
}

const cache = new Map<string, V2Profile>();

/** Loads `fixtures/rovo-v2/profiles/<name>.json` (or a path to a v2 profile file). */
export function loadV2Profile(nameOrPath = 'default'): V2Profile {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(V2_PROFILES_DIR, `${nameOrPath}.json`);
  let profile = cache.get(path);
  if (!profile) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new FixtureError(
        'PROFILE_INVALID',
        `v2 profile ${path} cannot be read as JSON (v2 profiles live in fixtures/rovo-v2/profiles/<name>.json)`,
        { cause },
      );
    }
    profile = parseV2Profile(json, path);
    cache.set(path, profile);
  }
  return profile;
}
