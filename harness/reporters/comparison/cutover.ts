import { catalogue } from '../../catalogue/index.ts';
import { isRovoTool } from '../../drivers/rovo/surface.ts';
import { describeChange, loadRenameTable, type RenameTable } from '../../migration/v2-renames.ts';
import { byCodeUnit } from '../../records/order.ts';
import type { CapabilityRecord } from '../capabilities.ts';
import type { ReportInput } from '../report-input.ts';
import { type ChangeKind, classify } from './changes.ts';
import { markedVerdict, recordText } from './text.ts';

export const CUTOVER_DATE = '2027-03-01';

export interface CutoverRow {
  capabilityId: string;
  title: string;
  v1?: CapabilityRecord;
  v2?: CapabilityRecord;
  change: ChangeKind | 'same';
  /** What an agent calling this capability's v1 tools must change (renames, tier, discovery). */
  agent: string[];
}

export interface CutoverModel {
  v1Target: string;
  v2Target: string;
  compared: number;
  /** Rows whose verdict changes or whose tools an agent must change; the others stay as they are. */
  rows: CutoverRow[];
}

/** The first target of each generation in the run; the section needs both. */
function pair(input: ReportInput): { v1: string; v2: string } | undefined {
  const v1 = input.header.targets.find((t) => t.dialect === 'rovo')?.name;
  const v2 = input.header.targets.find((t) => t.dialect === 'rovo-v2')?.name;
  return v1 !== undefined && v2 !== undefined ? { v1, v2 } : undefined;
}

/** The cutover as data: per capability the v1 and v2 verdicts, and the agent's changes for its v1 tools. */
export function cutoverModel(
  input: ReportInput,
  renames: RenameTable = loadRenameTable(),
): CutoverModel | undefined {
  const targets = pair(input);
  if (!targets) return undefined;
  const cat = catalogue();
  const on = (target: string) =>
    new Map(input.records.filter((r) => r.target === target).map((r) => [r.capabilityId, r]));
  const [v1s, v2s] = [on(targets.v1), on(targets.v2)];
  const ids = [...new Set([...v1s.keys(), ...v2s.keys()])].sort(byCodeUnit);
  const rows: CutoverRow[] = [];
  for (const id of ids) {
    const [v1, v2] = [v1s.get(id), v2s.get(id)];
    const change: CutoverRow['change'] = v1 && v2 ? (classify(v1, v2) ?? 'same') : v2 ? 'new' : 'not-run';
    // Only what an agent used on v1 needs changing; a capability v1 lacks is new on v2, not a rename.
    const used = v1 !== undefined && v1.verdict !== 'unsupported' && cat.has(id);
    const tools = used ? cat.get(id).tools.filter(isRovoTool) : [];
    const agent = tools.flatMap((t) => describeChange(renames.change(t)) ?? []);
    if (change === 'same' && agent.length === 0) continue;
    rows.push({
      capabilityId: id,
      title: (v2 ?? v1)?.title ?? id,
      ...(v1 ? { v1 } : {}),
      ...(v2 ? { v2 } : {}),
      change,
      agent,
    });
  }
  return { v1Target: targets.v1, v2Target: targets.v2, compared: ids.length, rows };
}

function intro(m: CutoverModel): string {
  const changed = m.rows.filter((r) => r.change !== 'same').length;
  return `On ${CUTOVER_DATE} every v1 connection (/v1/mcp, /v1/mcp/authv2) starts serving the v2 tools. ${m.compared} capabilities were checked on ${m.v1Target} (v1) and ${m.v2Target} (v2): ${changed} change verdict; of the others, ${m.rows.length - changed} need agent changes (tool and parameter renames from fixtures/rovo-v2/operations.json and fixtures/migration/v2-parameter-renames.json; a tool that is not primary on v2 is found with discover and run through the execute tool of its tier). The rest keep their verdict and need no change.`;
}

const HEAD = (m: CutoverModel) => [
  'Capability',
  `v1: ${m.v1Target}`,
  `v2: ${m.v2Target}`,
  'Change',
  'What an agent must change',
];

function cells(r: CutoverRow): string[] {
  return [
    `${r.capabilityId}: ${r.title}`,
    markedVerdict(r.v1),
    markedVerdict(r.v2),
    r.change,
    r.agent.join('; ') || 'nothing',
  ];
}

/** Why each changed verdict changed: the v2 record's evidence. */
function evidence(m: CutoverModel): string[] {
  return m.rows
    .filter((r) => r.change !== 'same' && r.v2)
    .map((r) => `${r.capabilityId} on ${m.v2Target}: ${recordText(r.v2 as CapabilityRecord)}`);
}

/** The "What changes on 2027-03-01" section of comparison.md; empty unless a run has a v1 and a v2 target. */
export function cutoverMarkdown(input: ReportInput, md: (text: string) => string): string[] {
  const m = cutoverModel(input);
  if (!m) return [];
  const head = HEAD(m);
  const why = evidence(m);
  return [
    `## What changes on ${CUTOVER_DATE}`,
    '',
    md(intro(m)),
    '',
    `| ${head.map(md).join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...m.rows.map((r) => `| ${cells(r).map(md).join(' | ')} |`),
    ...(why.length ? ['', '### Evidence of the changed verdicts', '', ...why.map((w) => `- ${md(w)}`)] : []),
    '',
  ];
}

/** The same section for comparison.html. */
export function cutoverHtml(input: ReportInput, esc: (text: string) => string): string {
  const m = cutoverModel(input);
  if (!m) return '';
  const why = evidence(m);
  const rows = m.rows.map(
    (r) =>
      `<tr class="${esc(r.change)}">${cells(r)
        .map((c) => `<td>${esc(c)}</td>`)
        .join('')}</tr>`,
  );
  return `<section id="cutover"><h2>What changes on ${CUTOVER_DATE}</h2><p>${esc(intro(m))}</p>
<table class="changes"><thead><tr>${HEAD(m)
    .map((h) => `<th>${esc(h)}</th>`)
    .join('')}</tr></thead><tbody>${rows.join('\n')}</tbody></table>${
    why.length
      ? `<h3>Evidence of the changed verdicts</h3><ul>${why.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>`
      : ''
  }</section>
`;
}
