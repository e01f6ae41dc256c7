import { parseArgs, type ParseArgsConfig } from 'node:util';
import { HarnessError } from '../errors.ts';

/** Parses a command's flags; an unknown flag or a missing value is a usage error naming the flag. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true });
  } catch (error) {
    throw new HarnessError('USAGE', `${(error as Error).message}\n\n${usage}`);
  }
}
