import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { describeIssues, HarnessError } from './errors.ts';

/** Where a file came from and how to put it right, for error messages. */
export interface FileRole {
  /** The flag that named the file, e.g. `--requirements`. */
  flag: string;
  /** What to do instead, in a sentence. */
  fix: string;
}

/**
 * Reads a JSON file a user pointed at and validates it; every error names the flag, the file, the
 * field path when there is one, and the fix. Nothing is changed when it fails.
 */
export function readJsonFile<S extends z.ZodType>(path: string, schema: S, role: FileRole): z.output<S> {
  const file = resolve(path);
  if (!existsSync(file)) throw new HarnessError('USAGE', `${role.flag} ${file}: no such file. ${role.fix}`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `${role.flag} ${file} is not valid JSON: ${(cause as Error).message}. ${role.fix}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new HarnessError(
      'CONFIG_INVALID',
      `${role.flag} ${file} is invalid:\n${describeIssues(parsed.error.issues)}\n${role.fix}`,
    );
  return parsed.data;
}
