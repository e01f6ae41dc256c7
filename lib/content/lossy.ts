/**
 * What does not survive ADF → Markdown → ADF. The harness reports these as evidence when a
 * tool answers in Markdown: a difference in these is the format's fault, not the server's.
 *
 * Beyond whole node and mark types, some shapes of supported nodes are also lossy: header cells
 * outside the first table row, body cells in it, merged cells, blocks other than paragraphs
 * inside table cells, hard breaks in headings below level 2, task lists inside quotes, and
 * task ids (renumbered `task-1`, `task-2`, … in document order).
 */
import type { AdfDoc, AdfNode } from './types.ts';

/** Node types rendered as an approximation (text, quote, link) or dropped. */
export const LOSSY_NODE_TYPES = [
  'mention', // @name text
  'emoji', // its :shortName:
  'inlineCard', // <url> autolink
  'blockCard', // <url> autolink paragraph
  'embedCard', // <url> autolink paragraph
  'status', // [STATUS TEXT]
  'date', // YYYY-MM-DD text
  'panel', // blockquote of its content
  'expand', // bold title paragraph + content
  'nestedExpand', // bold title paragraph + content
  'decisionList', // bullet list
  'decisionItem', // bullet list item
  'layoutSection', // columns one after another
  'layoutColumn', // columns one after another
  'bodiedExtension', // its body
  'extension', // dropped
  'inlineExtension', // dropped
  'placeholder', // dropped
  'mediaSingle', // dropped
  'mediaGroup', // dropped
  'media', // dropped
  'mediaInline', // dropped
  'caption', // dropped with its media
] as const;

/** Marks Markdown cannot spell; the text stays, the mark is dropped. */
export const LOSSY_MARK_TYPES = [
  'underline',
  'textColor',
  'backgroundColor',
  'subsup',
  'annotation',
  'alignment',
  'indentation',
  'breakout',
  'border',
] as const;

const lossyNodes: ReadonlySet<string> = new Set(LOSSY_NODE_TYPES);
const lossyMarks: ReadonlySet<string> = new Set(LOSSY_MARK_TYPES);

/** The lossy node and mark types present in `doc`, sorted, for evidence. */
export function findLossyContent(doc: AdfDoc): { nodes: string[]; marks: string[] } {
  const nodes = new Set<string>();
  const marks = new Set<string>();
  const visit = (node: AdfNode): void => {
    if (lossyNodes.has(node.type)) nodes.add(node.type);
    for (const mark of node.marks ?? []) if (lossyMarks.has(mark.type)) marks.add(mark.type);
    node.content?.forEach(visit);
  };
  doc.content.forEach(visit);
  return { nodes: [...nodes].sort(), marks: [...marks].sort() };
}
