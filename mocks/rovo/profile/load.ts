import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../../../lib/canonical-json.ts';
import { describeIssues, FixtureError } from '../../../lib/errors.ts';
import { type Profile, ProfileSchema } from './schema.ts';

export const PROFILES_DIR = join(import.meta.dirname, '../../../fixtures/profiles');

export function parseProfile(json: unknown, source: string): Profile {
  const parsed = ProfileSchema.safeParse(json);
  if (!parsed.success)
    throw new FixtureError(
      'PROFILE_INVALID',
      `profile ${source} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  return parsed.data;
}

/**
 * Loads `<dir>/<name>.json` (or a path to a profile file) once per path, parsed by `parse`: the v1
 * and v2 profile loaders. `what` names the kind of profile in errors (`profile`, `v2 profile`).
 */
export function profileLoader<P>(
  dir: string,
  what: string,
  parse: (json: unknown, source: string) => P,
): (nameOrPath?: string) => P {
  const cache = new Map<string, P>();
  const where = `fixtures/${dir.split('/fixtures/')[1] ?? dir}/<name>.json`;
  return (nameOrPath = 'default') => {
    const path = nameOrPath.endsWith('.json') ? nameOrPath : join(dir, `${nameOrPath}.json`);
    let profile = cache.get(path);
    if (!profile) {
      let json: unknown;
      try {
        json = JSON.parse(readFileSync(path, 'utf8'));
      } catch (cause) {
        throw new FixtureError(
          'PROFILE_INVALID',
          `${what} ${path} cannot be read as JSON (${what}s live in ${where})`,
          { cause },
        );
      }
      profile = parse(json, path);
      cache.set(path, profile);
    }
    return profile;
  };
}

/** Loads `fixtures/profiles/<name>.json` (or a path to a profile file). */
export const loadProfile: (nameOrPath?: string) => Profile = profileLoader(
  PROFILES_DIR,
  'profile',
  parseProfile,
);

export function profileDigest(profile: Profile): string {
  return `sha256:${createHash('sha256').update(canonicalJson(profile)).digest('hex').slice(0, 16)}`;
}
