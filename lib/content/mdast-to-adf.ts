/**
 * mdast → ADF. Both the Markdown and the HTML parsers end here, so one mapping decides how
 * Markdown constructs land in ADF. Where ADF is stricter than Markdown (no headings in quotes,
 * inline-only task items, no tables in lists) content is reshaped rather than dropped.
 */
import type { Definition, List, ListItem, Nodes, Root, Table, TableCell } from 'mdast';
import { BLOCKQUOTE_CHILDREN, DOC_CHILDREN, LIST_ITEM_CHILDREN, TABLE_CELL_CHILDREN } from './adf-schema.ts';
import { blocksToInline, joinCells, joinWithBreaks } from './flatten.ts';
import { mergeText, textNode } from './marks.ts';
import type { AdfDoc, AdfMark, AdfNode } from './types.ts';

declare module 'mdast' {
  interface TableData {
    /** The HTML parser invented an empty first row because the table had no header cells. */
    adfHeadless?: boolean;
  }
}

const LIST_ITEM_LEADERS = new Set(['paragraph', 'codeBlock', 'mediaSingle']);
const HARD_BREAK: AdfNode = { type: 'hardBreak' };

export function mdastToAdf(root: Root): AdfDoc {
  const definitions = new Map<string, Definition>();
  collectDefinitions(root, definitions);
  const content = new MdastToAdf(definitions).flow(root.children, DOC_CHILDREN);
  assignTaskIds(content, { lists: 0, items: 0 });
  return { type: 'doc', version: 1, content };
}

class MdastToAdf {
  constructor(private readonly definitions: ReadonlyMap<string, Definition>) {}

  /** Maps flow content, wrapping stray phrasing in paragraphs and reshaping what `allowed` forbids. */
  flow(nodes: readonly Nodes[], allowed: ReadonlySet<string>): AdfNode[] {
    const out: AdfNode[] = [];
    let pending: Nodes[] = [];
    const flush = (): void => {
      // Whitespace between blocks (HTML source formatting) is not a paragraph.
      const blank = pending.every((n) => n.type === 'text' && n.value.trim() === '');
      if (!blank) out.push(...paragraph(this.inline(pending, [])));
      pending = [];
    };
    for (const node of nodes) {
      if (isPhrasing(node)) {
        pending.push(node);
        continue;
      }
      flush();
      for (const block of this.block(node)) out.push(...fit(block, allowed));
    }
    flush();
    return out;
  }

  private block(node: Nodes): AdfNode[] {
    switch (node.type) {
      case 'root':
        return this.flow(node.children, DOC_CHILDREN);
      case 'paragraph':
        return paragraph(this.inline(node.children, []));
      case 'heading':
        return [
          {
            type: 'heading',
            attrs: { level: node.depth },
            content: trimBreaks(this.inline(node.children, [])),
          },
        ];
      case 'thematicBreak':
        return [{ type: 'rule' }];
      case 'blockquote':
        return [
          { type: 'blockquote', content: orEmptyParagraph(this.flow(node.children, BLOCKQUOTE_CHILDREN)) },
        ];
      case 'list':
        return this.list(node);
      case 'code':
        return [
          {
            type: 'codeBlock',
            ...(node.lang ? { attrs: { language: node.lang } } : {}),
            content: node.value === '' ? [] : [{ type: 'text', text: node.value }],
          },
        ];
      case 'html':
        // Raw HTML has no ADF equivalent; keeping it as literal text loses nothing the reader saw.
        return paragraph(this.inline([node], []));
      case 'table':
        return this.table(node);
      case 'footnoteDefinition': {
        const blocks = this.flow(node.children, DOC_CHILDREN);
        const label: AdfNode = { type: 'text', text: `[^${node.label ?? node.identifier}]: ` };
        const first = blocks[0];
        if (first?.type === 'paragraph') {
          blocks[0] = { ...first, content: mergeText([label, ...(first.content ?? [])]) };
          return blocks;
        }
        return [{ type: 'paragraph', content: [label] }, ...blocks];
      }
      case 'listItem':
      case 'tableRow':
      case 'tableCell':
        return this.flow(node.children, DOC_CHILDREN);
      case 'definition':
      case 'yaml':
        return [];
      case 'text':
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'inlineCode':
      case 'link':
      case 'linkReference':
      case 'image':
      case 'imageReference':
      case 'break':
      case 'footnoteReference':
        return paragraph(this.inline([node], []));
    }
  }

  private inline(nodes: readonly Nodes[], marks: readonly AdfMark[]): AdfNode[] {
    return mergeText(nodes.flatMap((node) => this.inlineOne(node, marks)));
  }

  private inlineOne(node: Nodes, marks: readonly AdfMark[]): AdfNode[] {
    switch (node.type) {
      case 'text':
        return [textNode(node.value, marks)];
      case 'emphasis':
        return this.inline(node.children, [...marks, { type: 'em' }]);
      case 'strong':
        return this.inline(node.children, [...marks, { type: 'strong' }]);
      case 'delete':
        return this.inline(node.children, [...marks, { type: 'strike' }]);
      case 'inlineCode':
        return [textNode(node.value, [...marks, { type: 'code' }])];
      case 'link':
        return this.linked(node.children, marks, node.url, node.title);
      case 'linkReference': {
        const definition = this.definitions.get(node.identifier);
        return definition === undefined
          ? this.inline(node.children, marks)
          : this.linked(node.children, marks, definition.url, definition.title);
      }
      // ADF images are media nodes backed by uploaded files; a link to the source is the honest rendering.
      case 'image':
        return [textNode(node.alt || node.url, withLink(marks, node.url, node.title))];
      case 'imageReference': {
        const definition = this.definitions.get(node.identifier);
        if (definition === undefined) return [textNode(node.alt ?? '', marks)];
        return [textNode(node.alt || definition.url, withLink(marks, definition.url, definition.title))];
      }
      case 'break':
        return [HARD_BREAK];
      case 'html':
        // `<br>` is how Markdown tables spell a line break inside a cell.
        return /^<br\s*\/?>$/i.test(node.value.trim()) ? [HARD_BREAK] : [textNode(node.value, marks)];
      case 'footnoteReference':
        return [textNode(`[^${node.label ?? node.identifier}]`, marks)];
      case 'root':
      case 'paragraph':
      case 'heading':
      case 'thematicBreak':
      case 'blockquote':
      case 'list':
      case 'listItem':
      case 'code':
      case 'table':
      case 'tableRow':
      case 'tableCell':
      case 'footnoteDefinition':
      case 'definition':
      case 'yaml':
        return blocksToInline(this.block(node));
    }
  }

  private linked(
    children: readonly Nodes[],
    marks: readonly AdfMark[],
    href: string,
    title: string | null | undefined,
  ): AdfNode[] {
    const linkMarks = withLink(marks, href, title);
    const content = this.inline(children, linkMarks);
    return content.length === 0 ? [textNode(href, linkMarks)] : content;
  }

  /** A GFM list whose items mix checkboxes and plain bullets becomes alternating ADF lists. */
  private list(node: List): AdfNode[] {
    const runs: ListItem[][] = [];
    for (const item of node.children) {
      const last = runs[runs.length - 1];
      const first = last?.[0];
      if (last !== undefined && first !== undefined && isTask(first) === isTask(item)) last.push(item);
      else runs.push([item]);
    }
    let order = node.start ?? 1;
    return runs.map((run) => {
      const start = order;
      order += run.length;
      const first = run[0];
      if (first !== undefined && isTask(first)) return this.taskList(run);
      const content = run.map((item) => this.listItem(item));
      return node.ordered === true
        ? { type: 'orderedList', attrs: { order: start }, content }
        : { type: 'bulletList', content };
    });
  }

  private listItem(item: ListItem): AdfNode {
    const content = this.flow(item.children, LIST_ITEM_CHILDREN);
    const first = content[0];
    // ADF wants a list item to open with a paragraph (or code), never with a nested list.
    if (first === undefined || !LIST_ITEM_LEADERS.has(first.type))
      content.unshift({ type: 'paragraph', content: [] });
    return { type: 'listItem', content };
  }

  /** ADF task items hold inline content only; nested lists become nested task lists. */
  private taskList(items: readonly ListItem[]): AdfNode {
    const content: AdfNode[] = [];
    for (const item of items) {
      const nested: AdfNode[] = [];
      const parts: AdfNode[][] = [];
      for (const child of item.children) {
        if (child.type === 'list') nested.push(this.taskList(child.children));
        else parts.push(blocksToInline(this.block(child)));
      }
      content.push({
        type: 'taskItem',
        attrs: { localId: '', state: item.checked === true ? 'DONE' : 'TODO' },
        content: trimBreaks(joinWithBreaks(parts)),
      });
      content.push(...nested);
    }
    return { type: 'taskList', attrs: { localId: '' }, content };
  }

  private table(node: Table): AdfNode[] {
    const headless = node.data?.adfHeadless === true;
    const rows = headless ? node.children.slice(1) : node.children;
    // GFM: the header row fixes the column count; short rows are padded, long ones cut.
    const width = node.children[0]?.children.length ?? 0;
    if (rows.length === 0 || width === 0) return [];
    const content = rows.map((row, r) => ({
      type: 'tableRow',
      content: Array.from({ length: width }, (_, c) => this.cell(row.children[c], !headless && r === 0)),
    }));
    return [{ type: 'table', content }];
  }

  private cell(cell: TableCell | undefined, header: boolean): AdfNode {
    const children: readonly Nodes[] = cell?.children ?? [];
    // Markdown cells hold phrasing, where raw HTML is inline (`<br>`); HTML cells may hold blocks.
    const inline = children.every((c) => isPhrasing(c) || c.type === 'html');
    const content = inline ? paragraph(this.inline(children, [])) : this.flow(children, TABLE_CELL_CHILDREN);
    return { type: header ? 'tableHeader' : 'tableCell', content: orEmptyParagraph(content) };
  }
}

function isTask(item: ListItem): boolean {
  return item.checked === true || item.checked === false;
}

const PHRASING: ReadonlySet<string> = new Set([
  'text',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'link',
  'linkReference',
  'image',
  'imageReference',
  'break',
  'footnoteReference',
]);

/** Raw HTML counts as a block of its own, so two HTML blocks never merge into one paragraph. */
function isPhrasing(node: Nodes): boolean {
  return PHRASING.has(node.type);
}

function withLink(marks: readonly AdfMark[], href: string, title: string | null | undefined): AdfMark[] {
  // A link inside a link (an image inside `[...](...)`) keeps the outer target, the one a reader follows.
  if (marks.some((m) => m.type === 'link')) return [...marks];
  return [...marks, { type: 'link', attrs: title ? { href, title } : { href } }];
}

function paragraph(content: AdfNode[]): AdfNode[] {
  const trimmed = trimBreaks(content);
  return trimmed.length === 0 ? [] : [{ type: 'paragraph', content: trimmed }];
}

/** `value` without trailing spaces and tabs, in one pass (`/[ \t]+$/` retries from every blank). */
function trimTrailingBlanks(value: string): string {
  let end = value.length;
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\t')) end--;
  return value.slice(0, end);
}

/**
 * A break at the end of a block, and spaces around a break, render as nothing; dropping them
 * makes Markdown `a <br> b`, HTML `a<br/>b` and `a\` + newline + `b` the same document.
 */
function trimBreaks(content: readonly AdfNode[]): AdfNode[] {
  const spaced = content.map((node, i) => {
    if (node.type !== 'text' || node.marks?.some((m) => m.type === 'code') === true) return node;
    let value = node.text ?? '';
    if (content[i + 1]?.type === 'hardBreak') value = trimTrailingBlanks(value);
    if (content[i - 1]?.type === 'hardBreak') value = value.replace(/^[ \t]+/, '');
    return value === node.text ? node : { ...node, text: value };
  });
  const merged = mergeText(spaced);
  while (merged[merged.length - 1]?.type === 'hardBreak') merged.pop();
  return merged;
}

function orEmptyParagraph(content: AdfNode[]): AdfNode[] {
  return content.length === 0 ? [{ type: 'paragraph', content: [] }] : content;
}

/** Reshapes a block its container does not allow into blocks it does. */
function fit(node: AdfNode, allowed: ReadonlySet<string>): AdfNode[] {
  if (allowed.has(node.type)) return [node];
  const content = node.content ?? [];
  switch (node.type) {
    case 'heading':
      return paragraph(content);
    case 'rule':
      return [];
    case 'taskList':
      return fit(taskListAsBullets(node), allowed);
    case 'table':
      return content.flatMap((row) => paragraph(joinCells(row)));
    default:
      return content.flatMap((child) => fit(child, allowed));
  }
}

/** Where ADF forbids task lists, the checkbox survives as text. */
function taskListAsBullets(list: AdfNode): AdfNode {
  const items: AdfNode[] = [];
  for (const child of list.content ?? []) {
    if (child.type === 'taskList') {
      const nested = taskListAsBullets(child);
      const previous = items[items.length - 1];
      if (previous === undefined)
        items.push({ type: 'listItem', content: [{ type: 'paragraph', content: [] }, nested] });
      else previous.content = [...(previous.content ?? []), nested];
      continue;
    }
    const box = child.attrs?.['state'] === 'DONE' ? '[x] ' : '[ ] ';
    const text = mergeText([{ type: 'text', text: box }, ...(child.content ?? [])]);
    items.push({ type: 'listItem', content: [{ type: 'paragraph', content: text }] });
  }
  return { type: 'bulletList', content: items };
}

/** Task ids are numbered in document order after reshaping, so equal trees get equal ids. */
function assignTaskIds(nodes: AdfNode[], counter: { lists: number; items: number }): void {
  for (const node of nodes) {
    if (node.type === 'taskList') node.attrs = { ...node.attrs, localId: `task-list-${++counter.lists}` };
    if (node.type === 'taskItem') node.attrs = { ...node.attrs, localId: `task-${++counter.items}` };
    if (node.content !== undefined) assignTaskIds(node.content, counter);
  }
}

function collectDefinitions(node: Nodes, into: Map<string, Definition>): void {
  if (node.type === 'definition') {
    // CommonMark: the first definition of a label wins.
    if (!into.has(node.identifier)) into.set(node.identifier, node);
    return;
  }
  if ('children' in node) for (const child of node.children) collectDefinitions(child, into);
}
