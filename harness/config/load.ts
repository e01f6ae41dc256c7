import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeIssues, HarnessError } from '../errors.ts';
import { type Config, ConfigSchema } from './schema.ts';

export const DEFAULT_CONFIG_FILE = 'conformance.config.json';

/**
 * Reads the config file (when given, it must exist; the default file is optional) and validates it.
 * Errors name the file, the field path and what to write instead.
 */
export function loadConfig(path?: string, cwd = process.cwd()): { config: Config; source: string } {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (path !== undefined)
      throw new HarnessError(
        'CONFIG_NOT_FOUND',
        `config file ${file} does not exist; pass --config <path> to an existing file`,
      );
    return { config: ConfigSchema.parse({}), source: '(defaults)' };
  }
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `config file ${file} is not valid JSON: ${(cause as Error).message}`,
    );
  }
  const parsed = ConfigSchema.safeParse(json);
  if (!parsed.success) {
    throw new HarnessError(
      'CONFIG_INVALID',
      `config file ${file} is invalid:\n${describeIssues(parsed.error.issues)}`,
    );
  }
  return { config: parsed.data, source: file };
}
