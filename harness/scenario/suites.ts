import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { RegisteredCheck } from './context.ts';

export const SUITES_DIR = join(import.meta.dirname, '../../suites');

/** Every suite file, sorted, relative to the repository root. */
export function suiteFiles(dir = SUITES_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...suiteFiles(path));
    else if (entry.name.endsWith('.test.ts')) out.push(path);
  }
  return out.sort();
}

export function suiteLabel(path: string): string {
  return relative(join(SUITES_DIR, '..'), path);
}

/** Imports every suite without registering vitest tests and returns the declared checks by id. */
export async function loadAllChecks(): Promise<ReadonlyMap<string, RegisteredCheck>> {
  // The check runner loads here, not with SUITES_DIR, which the CLI's own process reads.
  const { collectChecks } = await import('./verifies.ts');
  return collectChecks(async () => {
    for (const file of suiteFiles()) await import(pathToFileURL(file).href);
  });
}
