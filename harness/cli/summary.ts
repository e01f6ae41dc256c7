import { catalogue } from '../catalogue/index.ts';
import { sortRecords } from '../records/order.ts';
import type { CheckRecord, Verdict } from '../records/schema.ts';
import { verdictLabel } from '../reporters/verdicts.ts';
import { pad, paint } from './style.ts';
import { terminalLine } from './terminal.ts';

const COLOUR: Record<Verdict, 'green' | 'yellow' | 'red' | 'blue' | 'grey'> = {
  supported: 'green',
  partial: 'yellow',
  unsupported: 'blue',
  failed: 'red',
  'not-testable': 'grey',
};

/**
 * The capability × target table the main command prints, then the reasons for every non-pass.
 * `expected` holds `capabilityId\0target` of failures the target's baseline lists.
 */
export function renderSummary(
  records: readonly CheckRecord[],
  targets: readonly string[],
  colour: boolean,
  expected: ReadonlySet<string> = new Set(),
): string {
  const byKey = new Map(records.map((r) => [`${r.capabilityId}\u0000${r.target}`, r]));
  const ids = [...new Set(sortRecords(records).map((r) => r.capabilityId))];
  const idWidth = Math.max(10, ...ids.map((i) => i.length)) + 2;
  const colWidth = Math.max(24, ...targets.map((t) => t.length + 2));
  const lines: string[] = [];
  lines.push(
    paint(
      pad('capability', idWidth) + targets.map((t) => pad(terminalLine(t), colWidth)).join(''),
      'bold',
      colour,
    ),
  );
  let area = '';
  const cat = catalogue();
  for (const id of ids) {
    const capArea = cat.has(id) ? cat.get(id).area : (id.split('.')[0] ?? '');
    if (capArea !== area) {
      area = capArea;
      lines.push(paint(`[${area}]`, 'grey', colour));
    }
    const cells = targets.map((t) => {
      const r = byKey.get(`${id}\u0000${t}`);
      const label = pad(verdictLabel(r, expected.has(`${id}\u0000${t}`)), colWidth);
      return r ? paint(label, COLOUR[r.verdict], colour) : label;
    });
    lines.push(pad(terminalLine(id), idWidth) + cells.join(''));
  }
  const counts = new Map<Verdict, number>();
  for (const r of records) counts.set(r.verdict, (counts.get(r.verdict) ?? 0) + 1);
  lines.push('');
  lines.push(
    (['supported', 'partial', 'unsupported', 'failed', 'not-testable'] as const)
      .map((v) => paint(`${counts.get(v) ?? 0} ${v}`, COLOUR[v], colour))
      .join(', ') + (expected.size > 0 ? ` (${expected.size} of the failures expected by the baseline)` : ''),
  );
  const explain = (verdict: Verdict, title: string, text: (r: CheckRecord) => string) => {
    const list = sortRecords(records).filter((r) => r.verdict === verdict);
    if (list.length === 0) return;
    lines.push('', paint(title, COLOUR[verdict], colour));
    for (const r of list) lines.push(terminalLine(`  ${r.capabilityId} [${r.target}]: ${text(r)}`));
  };
  explain('failed', 'Failed:', (r) =>
    expected.has(`${r.capabilityId}\u0000${r.target}`) ? `(expected) ${r.evidence}` : r.evidence,
  );
  explain('not-testable', 'Not testable (missing prerequisite):', (r) => r.prerequisite ?? r.evidence);
  explain(
    'partial',
    'Partial (workaround):',
    (r) => `${r.evidence} — workaround: ${r.workaround ?? 'none named'}`,
  );
  explain('unsupported', 'Unsupported:', (r) => r.evidence);
  return lines.join('\n');
}
