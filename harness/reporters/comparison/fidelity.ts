import type { MockFidelity } from '../../drift/fidelity-schema.ts';
import type { RunHeader } from '../capabilities.ts';

/**
 * The "Mock fidelity" section: the mock's tool surface against the committed baseline of its endpoint.
 * Only runs with the mock as a target carry it; Markdown and HTML render the same lines.
 */
function lines(f: MockFidelity): { intro: string; rows: string[][] } {
  const breaking = f.changes.filter((c) => c.breaking).length;
  const verdict =
    f.changes.length === 0
      ? 'matches it exactly'
      : `differs in ${f.changes.length} place(s), ${breaking} of them breaking for an agent written against the baseline`;
  return {
    intro: `The mock (profile ${f.profile}, ${f.tools} tools) against the committed baseline of ${f.endpoint} (recorded from ${f.baselineSource}) ${verdict}.`,
    rows: f.changes.map((c) => [c.breaking ? 'breaking' : 'non-breaking', c.tool, c.path, c.detail]),
  };
}

const HEAD = ['Change', 'Tool', 'Parameter', 'Detail'];

export function fidelityMarkdown(header: RunHeader, md: (text: string) => string): string[] {
  if (!header.fidelity) return [];
  const { intro, rows } = lines(header.fidelity);
  const table = rows.length
    ? [
        '',
        `| ${HEAD.join(' | ')} |`,
        `| ${HEAD.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(md).join(' | ')} |`),
      ]
    : [];
  return ['', '## Mock fidelity', '', md(intro), ...table];
}

export function fidelityHtml(header: RunHeader, esc: (text: string) => string): string {
  if (!header.fidelity) return '';
  const { intro, rows } = lines(header.fidelity);
  const table = rows.length
    ? `<table class="changes"><thead><tr>${HEAD.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows
        .map((r) => `<tr>${r.map((cell) => `<td>${esc(cell)}</td>`).join('')}</tr>`)
        .join('\n')}</tbody></table>`
    : '';
  return `\n<section id="fidelity"><h2>Mock fidelity</h2><p>${esc(intro)}</p>${table}</section>`;
}
