import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SITES_DIR } from './load.ts';

/** The default site fixture as plain JSON, for tests that break one thing in it. */
export const pristine = (): unknown => JSON.parse(readFileSync(join(SITES_DIR, 'default.json'), 'utf8'));

/** Sets a value deep inside parsed JSON, so each case breaks exactly one thing. */
export function setAt(json: unknown, path: readonly (string | number)[], value: unknown): unknown {
  let node = json as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node[step] as Record<string | number, unknown>;
  node[path[path.length - 1] ?? ''] = value;
  return json;
}
