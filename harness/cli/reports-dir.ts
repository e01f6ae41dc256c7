import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { HarnessError } from '../errors.ts';

/** What a run writes into the reports directory; everything else there (README, ledger/) is left alone. */
export const RUN_ARTIFACTS = [
  'capabilities.json',
  'junit.xml',
  'comparison.md',
  'comparison.html',
  'allure-results',
  'allure',
] as const;

/** Kernel filesystems that only look like directories (statfs magic numbers, linux/magic.h). */
const SPECIAL_FS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0x62656570, 'configfs'],
  [0x6e736673, 'nsfs'],
  [0xcafe4a11, 'bpf'],
]);
const SPECIAL_ROOTS = /^\/(proc|sys|dev)(\/|$)/;

const STAGING_PREFIX = '.next-';

function refuse(label: string, path: string, problem: string): never {
  throw new HarnessError('USAGE', `${label} ${path}: ${problem}`);
}

/** The deepest part of `path` that exists, resolved through symlinks. */
function nearestExisting(path: string): string {
  let at = resolve(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  return realpathSync(at);
}

/**
 * Checks before any check runs that reports can be written to `path` (created when missing): a
 * regular file, a directory that cannot be written, or a kernel filesystem (/proc, /sys, /dev) is a
 * usage error naming the path and the problem, instead of a stack trace after the run.
 */
export function checkReportsDir(path: string, label = '--reports'): void {
  const existing = nearestExisting(path);
  const real = join(existing, relative(existing, resolve(path)).split('/').filter(Boolean).join('/'));
  const special = SPECIAL_ROOTS.exec(real)?.[1] ?? SPECIAL_FS.get(statfsSync(existing).type);
  if (special)
    refuse(
      label,
      path,
      `is on the ${special} filesystem, where reports cannot be kept; pass a directory on a disk`,
    );
  if (existing === real && !statSync(real).isDirectory())
    refuse(
      label,
      path,
      `${statSync(real).isFile() ? 'is a regular file' : 'is not a directory'}; pass a directory (it is created when missing)`,
    );
  if (!statSync(existing).isDirectory())
    refuse(label, path, `${existing} is a file, so no directory can be created under it; pass another path`);
  try {
    mkdirSync(real, { recursive: true });
    rmSync(mkdtempSync(join(real, '.write-probe-')), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EROFS' ? 'is on a read-only filesystem' : `cannot be written (${code})`;
    refuse(label, path, `${why}; pass a directory you can write to`);
  }
}

export interface StagedReports {
  /** Where this run writes its reports until `commit()`. */
  dir: string;
  /** Moves the new reports over the old ones; returns their final paths. */
  commit(written: readonly string[]): string[];
}

/**
 * A run writes into a hidden folder beside the previous reports (`<reports>/.next-<runId>/`) and swaps
 * its artifacts in only at the end, each with one rename: a run that is interrupted leaves the previous
 * reports as they were (Allure results included), and its own folder is cleared by the next run.
 */
export function stageReports(reportsDir: string, runId: string): StagedReports {
  for (const name of readdirSync(reportsDir))
    if (name.startsWith(STAGING_PREFIX)) rmSync(join(reportsDir, name), { recursive: true, force: true });
  const dir = join(reportsDir, `${STAGING_PREFIX}${runId}`);
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    commit(written) {
      const old = join(dir, '.previous');
      mkdirSync(old);
      // An artifact this run did not write goes too (the Allure page without --allure-html): what
      // is left beside the new reports never describes an older run.
      for (const name of RUN_ARTIFACTS) {
        const next = join(dir, name);
        const current = join(reportsDir, name);
        if (existsSync(current)) renameSync(current, join(old, name));
        if (existsSync(next)) renameSync(next, current);
      }
      rmSync(dir, { recursive: true, force: true });
      return written.map((p) => join(reportsDir, relative(dir, p)));
    },
  };
}
