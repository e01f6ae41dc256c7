import { join } from 'node:path';
import { describeIssues, FixtureError } from '../../../../lib/errors.ts';
import { profileLoader } from '../../profile/load.ts';
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

/** Loads `fixtures/rovo-v2/profiles/<name>.json` (or a path to a v2 profile file). */
export const loadV2Profile: (nameOrPath?: string) => V2Profile = profileLoader(
  V2_PROFILES_DIR,
  'v2 profile',
  parseV2Profile,
);
