import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STATUS_LABEL } from '../../migration/readiness.ts';
import type { Verdict } from '../../records/schema.ts';
import type { CapabilityRecord } from '../capabilities.ts';
import type { ReportInput } from '../report-input.ts';
import { VERDICT_MARK, VERDICTS, verdictLabel } from '../verdicts.ts';
import { cutoverHtml } from './cutover.ts';
import { fidelityHtml } from './fidelity.ts';
import { factsHtml } from './facts-section.ts';
import { type ComparisonModel, comparisonModel } from './model.ts';
import { cellText, changeText, recordText, runLine, targetLine } from './text.ts';

const CSS = readFileSync(join(import.meta.dirname, 'comparison.css'), 'utf8');

/** Nothing outside the file may load: no script, no font, no image from anywhere. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

function esc(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

function badge(verdict: Verdict, label: string): string {
  return `<span class="badge v-${verdict}">${VERDICT_MARK[verdict]} ${esc(label)}</span>`;
}

/** A matrix cell: the verdict, with the evidence one click away (details works without JavaScript). */
function verdictCell(r: CapabilityRecord | undefined): string {
  if (!r) return '<td class="v v-none" data-verdict="none">-</td>';
  return `<td class="v v-${r.verdict}" data-verdict="${r.verdict}"><details><summary>${VERDICT_MARK[r.verdict]} ${esc(verdictLabel(r))}</summary><p class="evidence">${esc(recordText(r))}</p></details></td>`;
}

function guideSection(m: ComparisonModel): string {
  const rows = m.rows.map((r) => {
    const cells = r.cells.map((c) => {
      if (r.status !== 'measured' || !c.verdict) return `<td class="claim">${esc(cellText(r, c))}</td>`;
      const items = c.records
        .map(
          (rec) =>
            `<li>${VERDICT_MARK[rec.verdict]} <code>${esc(rec.capabilityId)}</code>: ${esc(recordText(rec))}</li>`,
        )
        .join('');
      return `<td class="v v-${c.verdict}" data-verdict="${c.verdict}"><strong>${esc(cellText(r, c))}</strong>${c.records.length > 1 ? `<ul class="evidence">${items}</ul>` : ''}</td>`;
    });
    return `<tr data-row="${r.row}"><th>${esc(r.aspect)}</th><td>${esc(r.custom)}</td><td>${esc(r.rovo)}</td>${cells.join('')}</tr>`;
  });
  return `<section id="guide"><h2>Custom vs Rovo</h2>
<p>The setup guide (<a href="${esc(m.source.url)}">${esc(m.source.title)}</a>, ${esc(m.source.date)}) compared the two from documentation. Each row the harness measures shows the verdict on every target and the evidence behind it; a row no check can measure says so.</p>
<table class="guide"><thead><tr><th>Aspect</th><th>Custom MCP (guide)</th><th>Rovo MCP (guide)</th>${m.targets.map((t) => `<th>${esc(t)} (measured)</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function matrixSection(m: ComparisonModel): string {
  const totals = m.targets.map((t, i) => `<li><strong>${esc(t)}</strong>: ${esc(m.totals[i] ?? '')}</li>`);
  const body = m.areas.map(
    (a) =>
      `<tr class="area"><th colspan="${m.targets.length + 2}">${esc(a.title)}</th></tr>\n${a.rows
        .map(
          (r) =>
            `<tr data-capability="${esc(r.capabilityId)}"><td><code>${esc(r.capabilityId)}</code></td><td>${esc(r.title)}</td>${r.cells.map(verdictCell).join('')}</tr>`,
        )
        .join('\n')}`,
  );
  return `<section id="matrix"><h2>Capability matrix</h2><ul class="totals">${totals.join('')}</ul>
<table class="matrix"><thead><tr><th>Capability</th><th>What it establishes</th>${m.targets.map((t) => `<th>${esc(t)}</th>`).join('')}</tr></thead>
<tbody>${body.join('\n')}</tbody></table></section>`;
}

function readinessSection(m: ComparisonModel): string {
  if (!m.readiness)
    return '<section id="readiness"><h2>Migration readiness</h2><p>No requirement set was chosen: pass <code>--requirements &lt;file&gt;</code> (see <code>fixtures/migration/</code>) to <code>run</code> or <code>report</code>.</p></section>';
  const { set, targets } = m.readiness;
  const rows = set.requirements.map(
    (req, i) =>
      `<tr data-requirement="${esc(req.id)}"><td>${esc(req.title)} <code>${esc(req.id)}</code></td><td>${req.critical ? 'yes' : 'no'}</td>${targets
        .map((t) => {
          const f = t.findings[i];
          const status = f?.status ?? 'unverified';
          const why = [...(f?.reasons ?? []), ...(f?.workarounds ?? []).map((w) => `workaround: ${w}`)];
          return `<td class="r-${status}${req.critical ? '' : ' optional'}">${esc(STATUS_LABEL[status])}${why.length ? `<ul class="evidence">${why.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}</td>`;
        })
        .join('')}</tr>`,
  );
  const banners = targets.map(
    (t) =>
      `<p><span class="banner ${t.ready ? 'ready' : 'blocked'}">${esc(t.target)}: ${t.ready ? 'READY' : `BLOCKED (${t.blockers.length} blocker(s))`}</span></p>`,
  );
  return `<section id="readiness"><h2>Migration readiness: ${esc(set.name)}</h2><p>${esc(set.description)}</p>${banners.join('')}
<table class="readiness"><thead><tr><th>Requirement</th><th>Critical</th>${targets.map((t) => `<th>${esc(t.target)}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function changesSection(m: ComparisonModel): string {
  if (!m.changes)
    return '<section id="changes"><h2>Changes</h2><p>No previous run was given: pass <code>--previous &lt;capabilities.json&gt;</code> to list what changed since then.</p></section>';
  const { since, entries, compared } = m.changes;
  const head = `<section id="changes"><h2>Changes since run ${esc(since.runId)} (${esc(since.generatedAt)})</h2>`;
  if (compared.length === 0)
    return `${head}<p>The two runs share no target, so nothing can be compared.</p></section>`;
  if (entries.length === 0)
    return `${head}<p>No verdict changed on ${esc(compared.join(', '))}.</p></section>`;
  const rows = entries.map(
    (c) =>
      `<tr><td class="k-${c.kind}">${c.kind}</td><td><code>${esc(c.capabilityId)}</code></td><td>${esc(c.target)}</td><td>${esc(changeText(c))}</td><td>${esc(c.after?.evidence ?? '')}</td></tr>`,
  );
  return `${head}<table class="changes"><thead><tr><th>Change</th><th>Capability</th><th>Target</th><th>Verdict</th><th>Evidence now</th></tr></thead><tbody>${rows.join('\n')}</tbody></table></section>`;
}

/** comparison.html: one self-contained page, no script, readable offline and without JavaScript. */
export function comparisonHtml(input: ReportInput): string {
  const m = comparisonModel(input);
  const legend = VERDICTS.map((v) => `<li>${badge(v, v)}</li>`).join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Custom vs Rovo: measured comparison</title>
<style>
${CSS}</style>
</head>
<body>
<header>
<h1>Custom vs Rovo: measured comparison</h1>
<p class="meta">Targets: ${esc(targetLine(m.header))}</p>
<p class="meta">Generated from ${esc(runLine(m.header))}</p>
<ul class="legend">${legend}</ul>
<nav><a href="#guide">Custom vs Rovo</a><a href="#matrix">Capability matrix</a><a href="#readiness">Migration readiness</a><a href="#changes">Changes</a></nav>
</header>
<main>
${cutoverHtml(input, esc)}${guideSection(m)}
${matrixSection(m)}
${readinessSection(m)}
${changesSection(m)}${fidelityHtml(input.header, esc)}${factsHtml(input.header, esc)}
</main>
</body>
</html>
`;
}
