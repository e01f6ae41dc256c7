import type { Readiness, RequirementStatus } from '../migration/readiness.ts';
import { STATUS_LABEL } from '../migration/readiness.ts';
import { VERDICT_MARK, verdictLabel } from '../reporters/verdicts.ts';
import { pad, paint } from './style.ts';
import { terminalLine } from './terminal.ts';

const COLOUR: Record<RequirementStatus, 'green' | 'yellow' | 'red' | 'grey'> = {
  met: 'green',
  'met-with-workaround': 'yellow',
  unmet: 'red',
  unverified: 'grey',
};

/**
 * The `check` command's answer: one row per requirement, then each blocker with why and any
 * workaround the harness verified, then the verdict line. `uncovered` are legacy tools no capability
 * covers (from --derive-from); they block, because nothing shows the target can replace them.
 */
export function renderReadiness(r: Readiness, uncovered: readonly string[], colour: boolean): string {
  const idWidth = Math.max(12, ...r.findings.map((f) => f.requirement.id.length)) + 2;
  const lines = [
    `Migration readiness of "${r.setName}" on ${r.target}: ${r.findings.length} requirement(s), ${r.findings.filter((f) => f.requirement.critical).length} critical`,
    '',
    paint(
      `${pad('requirement', idWidth)}${pad('critical', 10)}${pad('status', 19)}capabilities`,
      'bold',
      colour,
    ),
  ];
  for (const f of r.findings) {
    const caps = f.capabilities
      .map(({ capabilityId, record }) =>
        record
          ? `${VERDICT_MARK[record.verdict]} ${capabilityId} ${verdictLabel(record)}`
          : `- ${capabilityId} not run`,
      )
      .join(', ');
    lines.push(
      `${pad(f.requirement.id, idWidth)}${pad(f.requirement.critical ? 'yes' : 'no', 10)}${paint(pad(STATUS_LABEL[f.status], 19), COLOUR[f.status], colour)}${caps}`,
    );
  }
  const section = (title: string, list: typeof r.blockers, mark: string) => {
    if (list.length === 0) return;
    lines.push('', title);
    for (const f of list) {
      lines.push(`  ${mark} ${f.requirement.id} (${f.requirement.title}): ${STATUS_LABEL[f.status]}`);
      // Reasons and workarounds quote the target's evidence: shown, never obeyed.
      for (const reason of f.reasons) lines.push(`      ${terminalLine(reason)}`);
      for (const w of f.workarounds) lines.push(`      verified workaround: ${terminalLine(w)}`);
    }
  };
  section('Blockers:', r.blockers, '✗');
  if (uncovered.length > 0) {
    lines.push('', 'Not covered by any capability (readiness unknown):');
    for (const tool of uncovered)
      lines.push(
        `  ✗ ${terminalLine(tool)}: map it in fixtures/migration/legacy-tool-map.json, or write a requirement set without it`,
      );
  }
  section('Warnings (not critical):', r.warnings, '!');
  section(
    'Met with a workaround the harness verified:',
    r.findings.filter((f) => f.status === 'met-with-workaround'),
    '◐',
  );
  const critical = r.findings.filter((f) => f.requirement.critical).length;
  const blocked = r.blockers.length + uncovered.length;
  lines.push(
    '',
    blocked === 0
      ? paint(`READY: all ${critical} critical requirement(s) are met on ${r.target}`, 'green', colour)
      : paint(
          `BLOCKED: ${blocked} blocker(s) on ${r.target}${r.blockers.length ? ` (${r.blockers.map((f) => f.requirement.id).join(', ')})` : ''}${uncovered.length ? `${r.blockers.length ? ' and' : ''} ${uncovered.length} uncovered tool(s)` : ''}`,
          'red',
          colour,
        ),
  );
  return lines.join('\n');
}
