import { byCodeUnit } from '../../records/order.ts';
import type { CapabilityRecord, RunHeader } from '../capabilities.ts';
import { figureLine } from '../facts-figure.ts';
import { countVerdicts, VERDICT_MARK, verdictLabel } from '../verdicts.ts';
import type { Change } from './changes.ts';
import type { GuideRow, RowCell } from './model.ts';

/** Plain-text pieces both renderers share, so Markdown and HTML always say the same thing. */

export const CLAIM = 'documentation claim, not measured';

export function runLine(h: RunHeader): string {
  const versions = Object.entries(h.versions)
    .sort(([a], [b]) => byCodeUnit(a, b))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const facts = (h.facts ?? []).map((f) => `; mock fidelity ${figureLine(f)}`).join('');
  return `run ${h.runId}, ${h.generatedAt}; profile ${h.profile.name} (${h.profile.digest}); ${versions}${facts}`;
}

export function targetLine(h: RunHeader): string {
  return h.targets.map((t) => `${t.name} (${t.kind}, ${t.dialect} dialect)`).join('; ');
}

/** The verdict with what backs it: the evidence, and the workaround or missing prerequisite. */
export function recordText(r: CapabilityRecord): string {
  const extra =
    r.verdict === 'partial'
      ? `; workaround: ${r.workaround ?? 'none named'}`
      : r.verdict === 'not-testable' && r.prerequisite
        ? `; missing: ${r.prerequisite}`
        : '';
  return `${verdictLabel(r)}: ${r.evidence}${extra}`;
}

/** What a measured row says on one target: the single check's evidence, or the verdict counts. */
export function cellText(row: GuideRow, cell: RowCell): string {
  if (row.status === 'claim') return row.note ? `${CLAIM} (${row.note})` : CLAIM;
  if (row.status === 'not-run') return `not measured in this run (${row.note ?? 'no check ran'})`;
  const [only, ...more] = cell.records;
  if (!only || !cell.verdict) return 'no check for this row ran on this target';
  if (more.length === 0) return `${VERDICT_MARK[only.verdict]} ${recordText(only)}`;
  const verdicts = cell.records.map((r) => r.verdict);
  return verdicts.every((v) => v === cell.verdict)
    ? `${VERDICT_MARK[cell.verdict]} all ${verdicts.length} checks ${cell.verdict}`
    : `${VERDICT_MARK[cell.verdict]} ${verdicts.length} checks: ${countVerdicts(verdicts)}`;
}

export function markedVerdict(r: CapabilityRecord | undefined): string {
  return r ? `${VERDICT_MARK[r.verdict]} ${verdictLabel(r)}` : '-';
}

export function changeText(c: Change): string {
  return `${c.before ? verdictLabel(c.before) : 'not checked'} → ${c.after ? verdictLabel(c.after) : 'not checked'}`;
}
