import { catalogue, type ComparisonRow } from '../../catalogue/index.ts';
import { assessReadiness, type Readiness } from '../../migration/readiness.ts';
import type { RequirementSet } from '../../migration/schema.ts';
import { byCodeUnit } from '../../records/order.ts';
import type { Verdict } from '../../records/schema.ts';
import type { CapabilityRecord, RunHeader } from '../capabilities.ts';
import { type ReportInput, reportTargets } from '../report-input.ts';
import { countVerdicts, gravest } from '../verdicts.ts';
import { type Changes, diffRuns } from './changes.ts';
import { type SetupGuide, setupGuide } from './guide.ts';

/** One target's measurements for one row of the guide's table. */
export interface RowCell {
  target: string;
  /** The most serious verdict among the row's records on this target. */
  verdict?: Verdict;
  records: CapabilityRecord[];
}

export interface GuideRow {
  row: ComparisonRow;
  aspect: string;
  custom: string;
  rovo: string;
  /**
   * - measured: at least one check for this row ran
   * - not-run: the catalogue has checks for it, but none ran (an --area filter)
   * - claim: no check can measure it; the guide's text stands unverified
   */
  status: 'measured' | 'not-run' | 'claim';
  note?: string;
  cells: RowCell[];
}

export interface MatrixArea {
  id: string;
  title: string;
  rows: { capabilityId: string; title: string; cells: (CapabilityRecord | undefined)[] }[];
}

export interface ComparisonModel {
  header: RunHeader;
  targets: string[];
  source: SetupGuide['source'];
  rows: GuideRow[];
  areas: MatrixArea[];
  /** Verdict counts per target, in target order ("35 supported, 1 unsupported"). */
  totals: string[];
  /** Records that did not pass cleanly, most serious first. */
  attention: CapabilityRecord[];
  readiness?: { set: RequirementSet; targets: Readiness[] };
  changes?: Changes;
}

const ATTENTION: readonly Verdict[] = ['failed', 'not-testable', 'unsupported', 'partial'];

function guideRows(input: ReportInput, targets: string[], guide: SetupGuide): GuideRow[] {
  const checked = catalogue().capabilities;
  return guide.rows.map(({ unmeasurable, ...row }) => {
    const mine = input.records.filter((r) => r.row === row.row);
    const cells = targets.map((target) => {
      const records = mine.filter((r) => r.target === target);
      const verdict = gravest(records.map((r) => r.verdict));
      return { target, records, ...(verdict ? { verdict } : {}) };
    });
    if (mine.length > 0) return { ...row, status: 'measured', cells };
    const planned = checked.filter((c) => c.row === row.row).map((c) => c.id);
    if (planned.length > 0)
      return { ...row, status: 'not-run', note: `its checks did not run: ${planned.join(', ')}`, cells };
    return { ...row, status: 'claim', ...(unmeasurable ? { note: unmeasurable } : {}), cells };
  });
}

function matrix(input: ReportInput, targets: string[]): MatrixArea[] {
  const titles = new Map(catalogue().areas.map((a) => [a.id, a.title]));
  const byKey = new Map(input.records.map((r) => [`${r.capabilityId}\u0000${r.target}`, r]));
  const areas = new Map<string, MatrixArea>();
  const seen = new Set<string>();
  for (const r of input.records) {
    if (seen.has(r.capabilityId)) continue;
    seen.add(r.capabilityId);
    let area = areas.get(r.area);
    if (!area) {
      area = { id: r.area, title: titles.get(r.area) ?? r.area, rows: [] };
      areas.set(r.area, area);
    }
    area.rows.push({
      capabilityId: r.capabilityId,
      title: r.title,
      cells: targets.map((t) => byKey.get(`${r.capabilityId}\u0000${t}`)),
    });
  }
  return [...areas.values()].sort((a, b) => byCodeUnit(a.id, b.id));
}

/** The comparison report as data; Markdown and HTML render the same model. */
export function comparisonModel(input: ReportInput, guide: SetupGuide = setupGuide()): ComparisonModel {
  const targets = reportTargets(input);
  const set = input.requirements;
  const attention = ATTENTION.flatMap((v) => input.records.filter((r) => r.verdict === v));
  return {
    header: input.header,
    targets,
    source: guide.source,
    rows: guideRows(input, targets, guide),
    areas: matrix(input, targets),
    totals: targets.map(
      (t) => countVerdicts(input.records.filter((r) => r.target === t).map((r) => r.verdict)) || 'no checks',
    ),
    attention,
    ...(set
      ? { readiness: { set, targets: targets.map((t) => assessReadiness(set, input.records, t)) } }
      : {}),
    ...(input.previous ? { changes: diffRuns(input.previous, input.records) } : {}),
  };
}
