import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { mdastToAdf } from './mdast-to-adf.ts';
import type { AdfDoc } from './types.ts';

/** GitHub-flavoured Markdown → ADF; the same input always yields the same document. */
export function markdownToAdf(markdown: string): AdfDoc {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  return mdastToAdf(tree);
}
