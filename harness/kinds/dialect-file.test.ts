import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { mainInProcess } from '../cli/in-process.ts';
import { BIN } from '../cli/mock-process.ts';

/** The README's "Mapping your own server" example: a small server, its dialect file and its config. */
const EXAMPLE = join(PACKAGE_ROOT, 'fixtures/custom-server/conformance.config.json');

/** bin/ as a user runs it; the usage errors below run main() here (exit code and message are asserted). */
const cli = (args: string[]) =>
  spawnSync(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT, encoding: 'utf8', timeout: 280_000 });

it('runs a server through the dialect file its config names, verbs it does not map being unsupported', () => {
  const reports = mkdtempSync(join(tmpdir(), 'dialect-file-'));
  const result = cli([
    'run',
    '--config',
    EXAMPLE,
    '--target',
    'tiny-jira',
    '--area',
    'identity',
    '--reports',
    reports,
  ]);
  expect(result.status, result.stderr).toBe(0);
  expect(result.stdout).toMatch(/identity\.user-info\s+supported/);
  expect(result.stdout).toMatch(/accessibleSites: the tiny-jira dialect maps no tool for accessibleSites/);
}, 300_000);

it.each([
  [{ name: 'x', description: 'd', detect: { tools: [] }, verbs: {} }, /detect\.tools/],
  [
    { name: 'x', description: 'd', detect: { tools: ['a'] }, verbs: { whoAmI: { tool: 'a', rest: {} } } },
    /verbs\.whoAmI/,
  ],
  ['{ not json', /is not valid JSON/],
])(
  'a bad dialect file stops the run with exit 2 before any check, naming the field (%#)',
  async (content, problem) => {
    const dir = mkdtempSync(join(tmpdir(), 'dialect-file-'));
    writeFileSync(
      join(dir, 'mine.dialect.json'),
      typeof content === 'string' ? content : JSON.stringify(content),
    );
    const config = {
      targets: { mine: { kind: 'stdio', command: 'node nowhere.js', dialectFile: './mine.dialect.json' } },
    };
    writeFileSync(join(dir, 'conformance.config.json'), JSON.stringify(config));
    const result = await mainInProcess(
      'run',
      '--config',
      join(dir, 'conformance.config.json'),
      '--target',
      'mine',
      '--reports',
      dir,
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/targets\.mine\.dialectFile: dialect file .*mine\.dialect\.json/);
    expect(result.stderr).toMatch(problem);
    expect(result.stdout).not.toMatch(/supported|failed/);
  },
  60_000,
);

it('a dialect file that does not exist is exit 2 naming the field and where it was looked for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dialect-file-'));
  const config = { targets: { mine: { kind: 'stdio', command: 'node x.js', dialectFile: 'missing.json' } } };
  writeFileSync(join(dir, 'c.json'), JSON.stringify(config));
  const result = await mainInProcess(
    'run',
    '--config',
    join(dir, 'c.json'),
    '--target',
    'mine',
    '--reports',
    dir,
  );
  expect(result.status).toBe(2);
  expect(result.stderr).toContain(`targets.mine.dialectFile: ${join(dir, 'missing.json')} does not exist`);
}, 60_000);
