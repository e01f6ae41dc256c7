import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { catalogue } from '../catalogue/index.ts';
import { describeIssues } from '../../lib/errors.ts';
import { HarnessError } from '../errors.ts';
import { type BaselineEntry, BaselineFileSchema } from './schema.ts';

export const EXPECTED_FAILURES_DIR = join(PACKAGE_ROOT, 'fixtures/expected-failures');

/** The expected failures of one target; empty (and `file` undefined) when it has no baseline file. */
export interface Baseline {
  target: string;
  /** The file the entries came from, or where one would be looked for. */
  path: string;
  exists: boolean;
  entries: ReadonlyMap<string, BaselineEntry>;
}

/** `expected-failures.<target>.json`, the target name made safe for a file name. */
export function baselineFileName(target: string): string {
  const slug = target.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return `expected-failures.${slug}.json`;
}

function invalid(path: string, message: string): HarnessError {
  return new HarnessError('BASELINE_INVALID', `expected-failures baseline ${path} ${message}`);
}

/** Reads a target's baseline; a broken file is an error naming the entry and what to fix. */
export function loadBaseline(target: string, dir: string = EXPECTED_FAILURES_DIR): Baseline {
  const path = join(dir, baselineFileName(target));
  if (!existsSync(path)) return { target, path, exists: false, entries: new Map() };
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (cause) {
    throw invalid(path, `is not valid JSON: ${(cause as Error).message}`);
  }
  const parsed = BaselineFileSchema.safeParse(json);
  if (!parsed.success) throw invalid(path, `is invalid:\n${describeIssues(parsed.error.issues)}`);
  if (parsed.data.target !== target)
    throw invalid(
      path,
      `is for target "${parsed.data.target}", but was read for "${target}"; fix its "target"`,
    );
  const entries = new Map<string, BaselineEntry>();
  parsed.data.entries.forEach((entry, i) => {
    if (!catalogue().has(entry.capability))
      throw invalid(
        path,
        `entries[${i}].capability "${entry.capability}" is not in the catalogue (harness/catalogue/*.json); fix the id or remove the entry`,
      );
    if (entries.has(entry.capability))
      throw invalid(path, `lists "${entry.capability}" twice (entries[${i}]); keep one entry`);
    entries.set(entry.capability, entry);
  });
  return { target, path, exists: true, entries };
}
