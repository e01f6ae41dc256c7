import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { adfToMdast } from './adf-to-mdast.ts';
import type { AdfDoc } from './types.ts';

/** ADF → GitHub-flavoured Markdown, without the trailing newline (values are fields, not files). */
export function adfToMarkdown(doc: AdfDoc): string {
  const markdown = toMarkdown(adfToMdast(doc), {
    extensions: [gfmToMarkdown()],
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fence: '`',
    fences: true,
    rule: '-',
    listItemIndent: 'one',
    incrementListMarker: true,
  });
  return markdown.replace(/\n$/, '');
}
