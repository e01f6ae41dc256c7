/**
 * Plain text both ways. Out: what search indexes (JQL `text ~`, CQL `text ~`), one line per block
 * and per list item. In: what naive legacy servers do with a plain string, one paragraph per line.
 */
import { cardUrl, dateText, emojiText, mentionText, statusText } from './atom-text.ts';
import { stringAttr } from './attrs.ts';
import { SILENT_INLINE, STRAY_INLINE } from './inline-kinds.ts';
import type { AdfDoc, AdfNode } from './types.ts';

export function adfToPlainText(doc: AdfDoc): string {
  return doc.content.flatMap(lines).join('\n');
}

export function plainTextToAdf(text: string): AdfDoc {
  const content = text
    .split(/\r\n|\r|\n/)
    .filter((line) => line.trim() !== '')
    .map((line): AdfNode => ({ type: 'paragraph', content: [{ type: 'text', text: line }] }));
  return { type: 'doc', version: 1, content };
}

function lines(node: AdfNode): string[] {
  const content = node.content ?? [];
  if (STRAY_INLINE.has(node.type)) return nonEmpty(inline([node]));
  switch (node.type) {
    case 'paragraph':
    case 'heading':
    case 'taskItem':
    case 'decisionItem':
    case 'caption':
      return nonEmpty(inline(content));
    case 'codeBlock':
      return nonEmpty(content.map((t) => t.text ?? '').join(''));
    case 'expand':
    case 'nestedExpand':
      return [...nonEmpty(stringAttr(node, 'title') ?? ''), ...content.flatMap(lines)];
    case 'blockCard':
    case 'embedCard':
      return nonEmpty(cardUrl(node) ?? '');
    default:
      // Lists, tables, quotes, panels, layouts: their blocks, each on its own line.
      return content.flatMap(lines);
  }
}

function nonEmpty(text: string): string[] {
  return text === '' ? [] : [text];
}

function inline(nodes: readonly AdfNode[]): string {
  return nodes.map(inlineOne).join('');
}

function inlineOne(node: AdfNode): string {
  if (SILENT_INLINE.has(node.type)) return '';
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return mentionText(node);
    case 'emoji':
      return emojiText(node);
    case 'inlineCard':
      return cardUrl(node) ?? '';
    case 'status':
      return statusText(node);
    case 'date':
      return dateText(node);
    default:
      return inline(node.content ?? []);
  }
}
