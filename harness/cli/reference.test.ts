import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COMMANDS } from './commands.ts';
import { cliReference, README_PATH, readmeWithCommands, REFERENCE_PATH } from './reference.ts';
import { PACKAGE_ROOT } from './versions.ts';

const FIX = 'run "npm run docs:cli" and commit the result';

it('docs/cli.md is what the commands declare (every --help text)', () => {
  expect(readFileSync(REFERENCE_PATH, 'utf8'), FIX).toBe(cliReference());
});

it("the README's command list is what the top-level --help prints", () => {
  const readme = readFileSync(README_PATH, 'utf8');
  expect(readme, FIX).toBe(readmeWithCommands(readme));
});

/** npm scripts that are CLI commands; any other script (check, test, bench...) is not ours. */
const SCRIPTS: Record<string, string> = {
  conformance: 'run',
  mock: 'mock',
  mutants: 'mutants',
  report: 'report',
};
const OURS = new Map(COMMANDS.map((c) => [c.name, new Set([...Object.keys(c.spec.flags), 'help'])]));
/** Flags of other programs that docs name without their program (node, docker, vitest). */
const FOREIGN = new Set(['import', 'network', 'project']);

/**
 * Every `--flag` in one piece of shell text, with the command it is given to: `undefined` when the
 * text names no program, `null` for another program's flags (npm ci, docker, node...).
 */
function flagsIn(text: string): { flag: string; command: string | null | undefined }[] {
  const words = text.split(/[\s"'`()]+/).filter(Boolean);
  const found: { flag: string; command: string | null | undefined }[] = [];
  let command: string | null | undefined = OURS.has(words[0] ?? '') ? words[0] : undefined;
  words.forEach((word, i) => {
    const next = words[i + 1] ?? '';
    if (word === 'npm' || word === 'npx' || word === 'node' || word === 'docker' || word === 'podman')
      command = null;
    if (word === 'run' && words[i - 1] === 'npm') command = SCRIPTS[next] ?? null;
    if (word === 'rovo-mcp-conformance') command = OURS.has(next) ? next : 'run';
    if (word === 'rovo-mcp-mock') command = 'mock';
    const flag = /^--([a-z][a-z-]*)(=|$)/.exec(word)?.[1];
    if (flag) found.push({ flag, command });
  });
  return found;
}

/** The shell text of a document: code spans and fenced lines of Markdown, every line of YAML. */
function shellTexts(file: string): string[] {
  const text = readFileSync(join(PACKAGE_ROOT, file), 'utf8');
  if (!file.endsWith('.md')) return text.split('\n');
  const fenced = [...text.matchAll(/^```[a-z]*\n([\s\S]*?)^```$/gm)].flatMap((m) => (m[1] ?? '').split('\n'));
  const spans = [...text.replace(/^```[\s\S]*?^```$/gm, '').matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  return [...fenced, ...spans];
}

it('every flag the docs and workflows give a command is one that command declares', () => {
  const files = [
    'README.md',
    'docs/DESIGN.md',
    'suites/README.md',
    ...readdirSync(join(PACKAGE_ROOT, '.github/workflows')).map((f) => `.github/workflows/${f}`),
  ];
  const unknown: string[] = [];
  let checked = 0;
  for (const file of files)
    for (const text of shellTexts(file))
      for (const { flag, command } of flagsIn(text)) {
        if (command === null) continue;
        checked++;
        const known = command
          ? OURS.get(command)?.has(flag)
          : FOREIGN.has(flag) || [...OURS.values()].some((flags) => flags.has(flag));
        if (!known)
          unknown.push(`${file}: --${flag}${command ? ` (given to ${command})` : ''} in \`${text}\``);
      }
  expect(unknown).toEqual([]);
  expect(checked).toBeGreaterThan(50);
});

it('the flag check can fail: a flag given to the wrong command, and one no command has', () => {
  expect(flagsIn('npm run mock -- --area jira')).toEqual([{ flag: 'area', command: 'mock' }]);
  expect(OURS.get('mock')?.has('area')).toBe(false);
  expect(flagsIn('npx rovo-mcp-conformance gate --requirements x')).toEqual([
    { flag: 'requirements', command: 'gate' },
  ]);
  expect(flagsIn('janitor --older-than 6h')).toEqual([{ flag: 'older-than', command: 'janitor' }]);
  expect(flagsIn('npm ci --no-audit')).toEqual([{ flag: 'no-audit', command: null }]);
  expect(flagsIn('--frobnicate')).toEqual([{ flag: 'frobnicate', command: undefined }]);
});
