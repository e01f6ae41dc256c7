import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

function versionOf(path: string): string {
  try {
    return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(path, 'utf8'))).version;
  } catch {
    return 'unknown';
  }
}

export function versions(): Record<string, string> {
  return {
    harness: versionOf(join(PACKAGE_ROOT, 'package.json')),
    sdk: versionOf(join(PACKAGE_ROOT, 'node_modules/@modelcontextprotocol/sdk/package.json')),
    node: process.version,
  };
}
