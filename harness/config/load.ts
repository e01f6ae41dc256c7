import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { parseJsonFile } from '../read-json.ts';
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
  const config = parseJsonFile(file, ConfigSchema, 'config file');
  // A target's dialect file is named relative to the config file, wherever the run starts.
  for (const def of Object.values(config.targets))
    if (def.dialectFile !== undefined) def.dialectFile = resolve(dirname(file), def.dialectFile);
  return { config, source: file };
}
