import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { describeIssues, FixtureError } from '../../../lib/errors.ts';
import { type Profile, ProfileSchema } from './schema.ts';

export const PROFILES_DIR = join(import.meta.dirname, '../../../fixtures/profiles');

const cache = new Map<string, Profile>();

export function parseProfile(json: unknown, source: string): Profile {
  const parsed = ProfileSchema.safeParse(json);
  if (!parsed.success)
    throw new FixtureError(
      'PROFILE_INVALID',
      `profile ${source} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}

/** Loads `fixtures/profiles/<name>.json` (or a path to a profile file). */
export function loadProfile(nameOrPath = 'default'): Profile {
  const path = nameOrPath.endsWith('.json') ? nameOrPath : join(PROFILES_DIR, `${nameOrPath}.json`);
  let profile = cache.get(path);
  if (!profile) {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (cause) {
      throw new FixtureError(
        'PROFILE_INVALID',
        `profile ${path} cannot be read as JSON (profiles live in fixtures/profiles/<name>.json)`,
        { cause },
      );
    }
    profile = parseProfile(json, path);
    cache.set(path, profile);
  }
  return profile;
}

export function profileDigest(profile: Profile): string {
  return `sha256:${createHash('sha256').update(canonicalJson(profile)).digest('hex').slice(0, 16)}`;
}
