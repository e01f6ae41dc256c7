import { STATUS_LABEL } from '../../migration/readiness.ts';
import type { ReportInput } from '../report-input.ts';
import { VERDICT_MARK } from '../verdicts.ts';
import { cutoverMarkdown } from './cutover.ts';
import { fidelityMarkdown } from './fidelity.ts';
import { factsMarkdown } from './facts-section.ts';
import { type ComparisonModel, comparisonModel } from './model.ts';
import { cellText, changeText, markedVerdict, recordText, runLine, targetLine } from './text.ts';

/** Text from a target or a file, safe inside a Markdown table cell (GitHub renders raw HTML in Markdown). */
function md(text: string): string {
  return text
    .replace(/\s*[\r\n]+\s*/g, ' ')
    .replace(/[\\`*_[\]|#]/g, (c) => `\\${c}`)
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

function guideSection(m: ComparisonModel): string[] {
  const out = [
    '## Custom vs Rovo',
    '',
    `The setup guide ([${md(m.source.title)}](${m.source.url}), ${m.source.date}) compared the two from documentation. Each row the harness measures shows the verdict on every target and the evidence behind it; a row no check can measure says so.`,
    '',
    ...table(
      ['Aspect', 'Custom MCP (guide)', 'Rovo MCP (guide)', ...m.targets.map(md)],
      m.rows.map((r) => [
        `**${md(r.aspect)}**`,
        md(r.custom),
        md(r.rovo),
        ...r.cells.map((c) => md(cellText(r, c))),
      ]),
    ),
  ];
  const measured = m.rows.filter((r) => r.status === 'measured');
  if (measured.length > 0) out.push('', '### Evidence by row');
  for (const r of measured) {
    out.push('', `**${md(r.aspect)}**`, '');
    for (const c of r.cells)
      for (const rec of c.records)
        out.push(
          `- \`${rec.capabilityId}\` on ${md(c.target)}: ${VERDICT_MARK[rec.verdict]} ${md(recordText(rec))}`,
        );
  }
  return out;
}

function matrixSection(m: ComparisonModel): string[] {
  const totals = m.targets.map((t, i) => `- **${md(t)}**: ${m.totals[i] ?? ''}`);
  const rows = m.areas.flatMap((a) => [
    [`**${md(a.title)}**`, '', ...m.targets.map(() => '')],
    ...a.rows.map((r) => [`\`${r.capabilityId}\``, md(r.title), ...r.cells.map((c) => markedVerdict(c))]),
  ]);
  const out = [
    '## Capability matrix',
    '',
    ...totals,
    '',
    ...table(['Capability', 'What it establishes', ...m.targets.map(md)], rows),
  ];
  if (m.attention.length > 0) {
    out.push('', '### Needs attention', '');
    for (const r of m.attention)
      out.push(`- \`${r.capabilityId}\` on ${md(r.target)}: ${VERDICT_MARK[r.verdict]} ${md(recordText(r))}`);
  }
  return out;
}

function readinessSection(m: ComparisonModel): string[] {
  if (!m.readiness)
    return [
      '## Migration readiness',
      '',
      'No requirement set was chosen: pass `--requirements <file>` (see `fixtures/migration/`) to `run` or `report`.',
    ];
  const { set, targets } = m.readiness;
  const out = [
    `## Migration readiness: ${md(set.name)}`,
    '',
    md(set.description),
    '',
    ...table(
      ['Requirement', 'Critical', ...targets.map((t) => md(t.target))],
      set.requirements.map((req, i) => [
        `${md(req.title)} (\`${req.id}\`)`,
        req.critical ? 'yes' : 'no',
        ...targets.map((t) => STATUS_LABEL[t.findings[i]?.status ?? 'unverified']),
      ]),
    ),
  ];
  for (const t of targets) {
    out.push(
      '',
      `**${md(t.target)}: ${t.ready ? 'READY' : 'BLOCKED'}**${t.ready ? '' : ` (${t.blockers.length} blocker(s))`}`,
    );
    for (const f of [...t.blockers, ...t.warnings]) {
      out.push(
        `- ${f.requirement.critical ? 'blocker' : 'warning'}: ${md(f.requirement.title)} (\`${f.requirement.id}\`), ${STATUS_LABEL[f.status]}`,
      );
      for (const reason of f.reasons) out.push(`  - ${md(reason)}`);
      for (const w of f.workarounds) out.push(`  - verified workaround: ${md(w)}`);
    }
    for (const f of t.findings.filter((x) => x.status === 'met-with-workaround'))
      out.push(`- met with a workaround: ${md(f.requirement.title)}: ${md(f.workarounds.join('; '))}`);
  }
  return out;
}

function changesSection(m: ComparisonModel): string[] {
  if (!m.changes)
    return [
      '## Changes',
      '',
      'No previous run was given: pass `--previous <capabilities.json>` to list what changed since then.',
    ];
  const { since, entries, compared } = m.changes;
  const head = [`## Changes since run ${md(since.runId)} (${md(since.generatedAt)})`, ''];
  if (compared.length === 0) return [...head, 'The two runs share no target, so nothing can be compared.'];
  if (entries.length === 0) return [...head, `No verdict changed on ${compared.map(md).join(', ')}.`];
  return [
    ...head,
    ...table(
      ['Change', 'Capability', 'Target', 'Verdict', 'Evidence now'],
      entries.map((c) => [
        c.kind,
        `\`${c.capabilityId}\``,
        md(c.target),
        md(changeText(c)),
        md(c.after?.evidence ?? ''),
      ]),
    ),
  ];
}

/** comparison.md: the guide's table with measured verdicts, the matrix, readiness and changes. */
export function comparisonMarkdown(input: ReportInput): string {
  const m = comparisonModel(input);
  return `${[
    '# Custom vs Rovo: measured comparison',
    '',
    `Targets: ${md(targetLine(m.header))}.`,
    `Generated from ${md(runLine(m.header))}.`,
    '',
    ...cutoverMarkdown(input, md),
    ...guideSection(m),
    '',
    ...matrixSection(m),
    '',
    ...readinessSection(m),
    '',
    ...changesSection(m),
    ...fidelityMarkdown(input.header, md),
    ...factsMarkdown(input.header, md),
  ].join('\n')}\n`;
}
