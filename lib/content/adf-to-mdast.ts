/**
 * ADF → mdast, the inverse of mdast-to-adf for everything Markdown can carry. Nodes Markdown
 * cannot carry get a readable stand-in (see lossy.ts) or are dropped.
 */
import type { BlockContent, List, ListItem, PhrasingContent, Root, RowContent, Table, TableRow } from 'mdast';
import { cardUrl, dateText, emojiShortName, mentionText, statusText } from './atom-text.ts';
import { numberAttr, stringAttr } from './attrs.ts';
import { blocksToInline } from './flatten.ts';
import { SILENT_INLINE, STRAY_INLINE } from './inline-kinds.ts';
import { canonicalMarks, sameMark } from './marks.ts';
import type { AdfDoc, AdfMark, AdfNode } from './types.ts';

/** Marks with a Markdown spelling; `code` is spelled by the leaf itself. */
const MARKDOWN_MARKS = new Set(['link', 'strong', 'em', 'strike']);

interface InlineContext {
  /** Inside a GFM table cell a line break must be written as `<br>`. */
  readonly inTable: boolean;
}

interface Piece {
  readonly marks: readonly AdfMark[];
  readonly node: PhrasingContent;
}

export function adfToMdast(doc: AdfDoc): Root {
  return { type: 'root', children: blocks(doc.content) };
}

function blocks(nodes: readonly AdfNode[]): BlockContent[] {
  return nodes.flatMap(block);
}

function block(node: AdfNode): BlockContent[] {
  const content = node.content ?? [];
  if (STRAY_INLINE.has(node.type)) return [{ type: 'paragraph', children: phrasing([node]) }];
  switch (node.type) {
    case 'paragraph':
    case 'taskItem':
    case 'decisionItem':
      return [{ type: 'paragraph', children: phrasing(content) }];
    case 'heading':
      return [{ type: 'heading', depth: headingDepth(node), children: phrasing(content) }];
    case 'bulletList':
      return [list(false, null, content)];
    case 'orderedList':
      return [list(true, numberAttr(node, 'order') ?? 1, content)];
    case 'codeBlock':
      return [
        {
          type: 'code',
          lang: stringAttr(node, 'language') ?? null,
          meta: null,
          value: content.map((t) => t.text ?? '').join(''),
        },
      ];
    case 'blockquote':
    case 'panel':
      return [{ type: 'blockquote', children: blocks(content) }];
    case 'rule':
      return [{ type: 'thematicBreak' }];
    case 'table':
      return table(content);
    case 'taskList':
      return [taskList(node)];
    case 'decisionList':
      return [list(false, null, content)];
    case 'expand':
    case 'nestedExpand': {
      const title = stringAttr(node, 'title') ?? '';
      const heading: BlockContent[] =
        title === '' ? [] : [{ type: 'paragraph', children: [{ type: 'strong', children: [text(title)] }] }];
      return [...heading, ...blocks(content)];
    }
    case 'blockCard':
    case 'embedCard': {
      const url = cardUrl(node);
      return url === undefined ? [] : [{ type: 'paragraph', children: [autolink(url)] }];
    }
    // Media needs the uploaded file, which Markdown cannot reference.
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
    case 'extension':
      return [];
    default:
      // listItem outside a list, layouts, bodied extensions, unknown containers: keep what is inside.
      return blocks(content);
  }
}

function list(ordered: boolean, start: number | null, items: readonly AdfNode[]): List {
  return {
    type: 'list',
    ordered,
    start,
    spread: false,
    children: items.map((item) => ({
      type: 'listItem',
      spread: false,
      children: blocks(item.content ?? []),
    })),
  };
}

function taskList(node: AdfNode): List {
  const items: ListItem[] = [];
  for (const child of node.content ?? []) {
    if (child.type === 'taskList') {
      const nested = taskList(child);
      const previous = items[items.length - 1];
      if (previous === undefined) items.push({ type: 'listItem', spread: false, children: [nested] });
      else previous.children.push(nested);
      continue;
    }
    items.push({
      type: 'listItem',
      spread: false,
      checked: child.attrs?.['state'] === 'DONE',
      children: [{ type: 'paragraph', children: phrasing(child.content ?? []) }],
    });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children: items };
}

/** GFM tables always have a header row and one line per cell; merged cells are spread out. */
function table(rows: readonly AdfNode[]): Table[] {
  const mdRows: TableRow[] = rows.map((row) => ({
    type: 'tableRow',
    children: (row.content ?? []).flatMap((cell): RowContent[] => {
      const span = Math.max(1, numberAttr(cell, 'colspan') ?? 1);
      const first: RowContent = {
        type: 'tableCell',
        children: phrasing(blocksToInline(cell.content ?? []), { inTable: true }),
      };
      return [
        first,
        ...Array.from({ length: span - 1 }, (): RowContent => ({ type: 'tableCell', children: [] })),
      ];
    }),
  }));
  const width = Math.max(0, ...mdRows.map((r) => r.children.length));
  if (width === 0) return [];
  for (const row of mdRows) {
    while (row.children.length < width) row.children.push({ type: 'tableCell', children: [] });
  }
  return [{ type: 'table', align: Array.from({ length: width }, () => null), children: mdRows }];
}

function phrasing(nodes: readonly AdfNode[], context: InlineContext = { inTable: false }): PhrasingContent[] {
  return group(nodes.flatMap((node) => leaf(node, context)));
}

function leaf(node: AdfNode, context: InlineContext): Piece[] {
  if (SILENT_INLINE.has(node.type)) return [];
  const all = canonicalMarks(node.marks ?? []);
  const marks = all.filter((m) => MARKDOWN_MARKS.has(m.type));
  const piece = (mdNode: PhrasingContent): Piece[] => [{ marks, node: mdNode }];
  switch (node.type) {
    case 'text': {
      const value = node.text ?? '';
      if (all.some((m) => m.type === 'code')) return piece({ type: 'inlineCode', value });
      return piece(text(context.inTable ? value.replace(/\r?\n|\r/g, ' ') : value));
    }
    case 'hardBreak':
      return piece(context.inTable ? { type: 'html', value: '<br>' } : { type: 'break' });
    case 'mention':
      return piece(text(mentionText(node)));
    case 'emoji':
      return piece(text(emojiShortName(node)));
    case 'inlineCard': {
      const url = cardUrl(node);
      return url === undefined ? [] : piece(autolink(url));
    }
    case 'status':
      // Written raw so the brackets read as a lozenge, not as escaped link syntax.
      return piece({ type: 'html', value: `[${escapeMarkdown(statusText(node))}]` });
    case 'date':
      return piece(text(dateText(node)));
    default:
      return (node.content ?? []).flatMap((child) => leaf(child, context));
  }
}

/**
 * Rebuilds nested emphasis from flat ADF marks: at each point open the mark that spans the most
 * following pieces, so `**a *b* c**` comes back as written rather than as three strong runs.
 */
function group(pieces: readonly Piece[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let i = 0;
  while (i < pieces.length) {
    const current = pieces[i];
    if (current === undefined) break;
    let best: AdfMark | undefined;
    let bestEnd = i;
    for (const mark of current.marks) {
      let end = i;
      while (pieces[end]?.marks.some((m) => sameMark(m, mark)) === true) end++;
      if (end > bestEnd) {
        best = mark;
        bestEnd = end;
      }
    }
    if (best === undefined) {
      out.push(current.node);
      i++;
      continue;
    }
    const open = best;
    const inner = pieces
      .slice(i, bestEnd)
      .map((p) => ({ ...p, marks: p.marks.filter((m) => !sameMark(m, open)) }));
    out.push(wrap(open, group(inner)));
    i = bestEnd;
  }
  return out;
}

function wrap(mark: AdfMark, children: PhrasingContent[]): PhrasingContent {
  switch (mark.type) {
    case 'link': {
      const href = mark.attrs?.['href'];
      const title = mark.attrs?.['title'];
      return {
        type: 'link',
        url: typeof href === 'string' ? href : '',
        title: typeof title === 'string' ? title : null,
        children,
      };
    }
    case 'strong':
      return { type: 'strong', children };
    case 'em':
      return { type: 'emphasis', children };
    default:
      return { type: 'delete', children };
  }
}

function text(value: string): PhrasingContent {
  return { type: 'text', value };
}

function autolink(url: string): PhrasingContent {
  return { type: 'link', url, title: null, children: [text(url)] };
}

function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>&~|]/g, '\\$&');
}

function headingDepth(node: AdfNode): 1 | 2 | 3 | 4 | 5 | 6 {
  const level = numberAttr(node, 'level') ?? 1;
  const depths = [1, 2, 3, 4, 5, 6] as const;
  return depths.find((d) => d === level) ?? (level > 6 ? 6 : 1);
}
