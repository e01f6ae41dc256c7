import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { describeIssues } from '../lib/errors.ts';
import { HarnessError } from './errors.ts';

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
  return parseJsonFile(file, schema, role.flag, role.fix);
}

/**
 * Parses and validates a file known to exist. Errors start with `label` and the file, give the
 * field path when there is one, and end with `fix` when there is one.
 */
export function parseJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  label: string,
  fix?: string,
): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    const reason = (cause as Error).message;
    throw new HarnessError(
      'CONFIG_INVALID',
      `${label} ${file} is not valid JSON: ${reason}${fix === undefined ? '' : `. ${fix}`}`,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success)
    throw new HarnessError(
      'CONFIG_INVALID',
      `${label} ${file} is invalid:\n${describeIssues(parsed.error.issues)}${fix === undefined ? '' : `\n${fix}`}`,
    );
  return parsed.data;
}
