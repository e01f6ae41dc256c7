import { relative } from 'node:path';
import type { BaselineReport } from '../expected-failures/evaluate.ts';
import type { Baseline } from '../expected-failures/load.ts';
import { paint } from './style.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';

const shown = (path: string) => relative(PACKAGE_ROOT, path) || path;

/** The expected-failures part of the summary: what the baselines excused, and what they got wrong. */
export function renderBaselines(
  report: BaselineReport,
  baselines: readonly Baseline[],
  colour: boolean,
): string {
  const lines = baselines.map((b) =>
    b.exists
      ? `Expected-failures baseline for ${b.target}: ${shown(b.path)} (${b.entries.size} entr${b.entries.size === 1 ? 'y' : 'ies'})`
      : `Expected-failures baseline for ${b.target}: none (${shown(b.path)} does not exist)`,
  );
  const section = (title: string, tone: 'yellow' | 'red' | 'grey', items: string[]) => {
    if (items.length === 0) return;
    lines.push('', paint(title, tone, colour), ...items.map((i) => `  ${i}`));
  };
  section(
    'Expected failures (listed in the baseline; the run stays green):',
    'yellow',
    report.expected.map(({ record, entry }) => `${record.capabilityId} [${record.target}]: ${entry.reason}`),
  );
  section(
    'Stale baseline entries (the check no longer fails; remove the entry):',
    'red',
    report.stale.map(
      ({ record, path }) =>
        `${record.capabilityId} [${record.target}]: now ${record.verdict}; remove it from ${shown(path)}`,
    ),
  );
  section(
    'Baseline entries this run could not confirm:',
    'grey',
    report.unverified.map(({ target, entry, why }) => `${entry.capability} [${target}]: ${why}`),
  );
  return lines.join('\n');
}
