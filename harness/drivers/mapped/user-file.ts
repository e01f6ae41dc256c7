import { existsSync } from 'node:fs';
import { HarnessError } from '../../errors.ts';
import { parseJsonFile } from '../../read-json.ts';
import { DialectFileSchema, type DialectFile } from './schema.ts';

const loaded = new Map<string, DialectFile>();

/**
 * The dialect file a target's config names (`dialectFile`, already made absolute against the config
 * file), validated like the built-in ones; a missing or invalid file is a config error naming the
 * field, so a run stops with exit 2 before any check.
 */
export function userDialectFile(path: string, field: string): DialectFile {
  const cached = loaded.get(path);
  if (cached) return cached;
  if (!existsSync(path))
    throw new HarnessError(
      'CONFIG_INVALID',
      `${field}: ${path} does not exist; name a dialect file relative to the config file`,
    );
  const file = parseJsonFile(
    path,
    DialectFileSchema,
    `${field}: dialect file`,
    'fix it against harness/drivers/mapped/schema.ts (README, "Mapping your own server")',
  );
  loaded.set(path, file);
  return file;
}
