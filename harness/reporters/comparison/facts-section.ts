import type { RunHeader } from '../capabilities.ts';
import { figureLine } from '../facts-figure.ts';

/**
 * The public-facts part of the "Mock fidelity" section: per endpoint generation, how many facts of
 * fixtures/fidelity the mock reproduced, and which it missed. It opens the section itself when the run
 * carried no surface diff.
 */
function lines(header: RunHeader): string[] {
  return (header.facts ?? []).map(
    (f) => `${figureLine(f)}${f.missed.length ? ` (missed: ${f.missed.join(', ')})` : ''}`,
  );
}

const INTRO =
  'Public facts about Rovo (fixtures/fidelity, probed by the fidelity command) the mock reproduces:';

export function factsMarkdown(header: RunHeader, md: (text: string) => string): string[] {
  const figures = lines(header);
  if (figures.length === 0) return [];
  const open = header.fidelity ? ['', '### Public facts'] : ['', '## Mock fidelity'];
  return [...open, '', md(INTRO), '', ...figures.map((l) => `- ${md(l)}`)];
}

export function factsHtml(header: RunHeader, esc: (text: string) => string): string {
  const figures = lines(header);
  if (figures.length === 0) return '';
  const list = `<p>${esc(INTRO)}</p><ul>${figures.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`;
  const heading = header.fidelity ? '<h3>Mock fidelity: public facts</h3>' : '<h2>Mock fidelity</h2>';
  return `\n<section id="facts">${heading}${list}</section>`;
}
