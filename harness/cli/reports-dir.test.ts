import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startHostile } from '../testing/hostile/http.ts';
import { mainInProcess } from './in-process.ts';
import { BIN } from './mock-process.ts';
import { stageReports } from './reports-dir.ts';

const ROOT = join(import.meta.dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'reports-dir-'));

it.each([
  [
    'a regular file',
    () => writeFileSync(join(dir, 'file.txt'), 'x') ?? join(dir, 'file.txt'),
    /: is a regular file; pass a directory/,
  ],
  [
    'a path under a file',
    () => join(dir, 'file.txt', 'reports'),
    /file\.txt is a file, so no directory can be created under it/,
  ],
  ['/proc', () => '/proc/self/rovo-reports', /: is on the proc filesystem, where reports cannot be kept/],
  ['/sys', () => '/sys/kernel/rovo-reports', /: is on the sys(fs)? filesystem/],
  ['/dev', () => '/dev/shm/rovo-reports', /: is on the dev filesystem/],
])(
  '--reports on %s is exit 2 naming the path and the problem, before any check runs',
  async (_, path, problem) => {
    const reports = path();
    const { status, stderr } = await mainInProcess('run', '--reports', reports, '--area', 'identity');
    expect(status).toBe(2);
    expect(stderr).toContain(`--reports ${reports}: `);
    expect(stderr).toMatch(problem);
    expect(stderr).not.toMatch(/\n\s+at /);
  },
);

it('--reports on a read-only directory is exit 2 naming it', () => {
  const readOnly = join(dir, 'read-only');
  mkdirSync(readOnly);
  const cli = `${process.execPath} ${BIN} run --area identity --reports ${readOnly}`;
  // root writes through file modes, so as root the directory is a read-only mount of its own.
  const result =
    process.getuid?.() === 0
      ? spawnSync('unshare', ['-m', 'sh', '-c', `mount -t tmpfs -o ro tmpfs ${readOnly} && exec ${cli}`], {
          cwd: ROOT,
          encoding: 'utf8',
        })
      : (spawnSync('chmod', ['555', readOnly]),
        spawnSync('sh', ['-c', cli], { cwd: ROOT, encoding: 'utf8' }));
  expect(result.status, result.stderr).toBe(2);
  expect(result.stderr).toMatch(
    new RegExp(
      `--reports ${readOnly}: (is on a read-only filesystem|cannot be written \\(EACCES\\)); pass a directory you can write to`,
    ),
  );
}, 60_000);

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

const PREVIOUS = ['capabilities.json', 'junit.xml', 'comparison.md', 'comparison.html'];

/** A reports folder as a previous run left it, plus a ledger a run must never touch. */
function previousReports(name: string): { reports: string; read: () => Record<string, string> } {
  const reports = join(dir, name);
  mkdirSync(join(reports, 'allure-results'), { recursive: true });
  mkdirSync(join(reports, 'ledger'));
  for (const file of PREVIOUS) writeFileSync(join(reports, file), `previous ${file}`);
  writeFileSync(join(reports, 'allure-results', 'previous-result.json'), '{}');
  writeFileSync(join(reports, 'ledger', 'keep.jsonl'), 'kept');
  const read = () => Object.fromEntries(PREVIOUS.map((n) => [n, readFileSync(join(reports, n), 'utf8')]));
  return { reports, read };
}

it('an interrupted run leaves the previous reports as they were, Allure results included', async () => {
  const { reports, read } = previousReports('interrupted');
  const previous = read();
  // A run against a server that never answers, killed (with its vitest workers) while its checks wait.
  await using silent = await startHostile('never-answers');
  const child = spawn(
    process.execPath,
    [BIN, 'run', '--target', `http:${silent.url}`, '--area', 'protocol', '--reports', reports],
    { cwd: ROOT, stdio: 'ignore', detached: true },
  );
  const done = exited(child);
  // Killed as soon as it stages (the target is tried before any check, so well before the run ends).
  const staging = () => readdirSync(reports).filter((n) => n.startsWith('.next-'));
  while (staging().length === 0) await new Promise((r) => setTimeout(r, 100));
  expect(staging()).toHaveLength(1);
  process.kill(-(child.pid ?? 0), 'SIGKILL');
  await done;
  expect(read()).toEqual(previous);
  expect(readdirSync(join(reports, 'allure-results'))).toEqual(['previous-result.json']);
}, 240_000);

it("a finished run swaps every artifact in at once, keeps what is not its own, and clears a killed run's folder", () => {
  const { reports, read } = previousReports('finished');
  const previous = read();
  // An older run's Allure page: this run builds none, so it must not stay beside the new reports.
  mkdirSync(join(reports, 'allure'));
  writeFileSync(join(reports, 'allure', 'index.html'), 'older run');
  mkdirSync(join(reports, '.next-killed-run', 'allure-results'), { recursive: true });
  const staged = stageReports(reports, 'run-2');
  expect(readdirSync(reports)).not.toContain('.next-killed-run');
  const written = PREVIOUS.map((name) => {
    writeFileSync(join(staged.dir, name), `new ${name}`);
    return join(staged.dir, name);
  });
  mkdirSync(join(staged.dir, 'allure-results'));
  writeFileSync(join(staged.dir, 'allure-results', 'new-result.json'), '{}');
  expect(read()).toEqual(previous);
  expect(staged.commit(written)).toEqual(PREVIOUS.map((name) => join(reports, name)));
  expect(readdirSync(reports).sort()).toEqual([...PREVIOUS, 'allure-results', 'ledger'].sort());
  for (const name of PREVIOUS) expect(readFileSync(join(reports, name), 'utf8')).toBe(`new ${name}`);
  expect(readdirSync(join(reports, 'allure-results'))).toEqual(['new-result.json']);
  expect(readFileSync(join(reports, 'ledger', 'keep.jsonl'), 'utf8')).toBe('kept');
});
