import { join } from 'node:path';
import { parseJsonFile } from '../../read-json.ts';
import { DialectFileSchema, type DialectFile } from './schema.ts';

const DIALECTS_DIR = join(import.meta.dirname, '..', 'dialects');

/** A dialect file shipped with the harness (harness/drivers/dialects/<name>.json), validated. */
export function builtInDialect(name: string): DialectFile {
  const file = parseJsonFile(
    join(DIALECTS_DIR, `${name}.json`),
    DialectFileSchema,
    'dialect file',
    'fix the file against harness/drivers/mapped/schema.ts',
  );
  if (file.name !== name)
    throw new Error(`dialect file ${name}.json names itself "${file.name}"; the names must match`);
  return file;
}
