/**
 * Confluence storage-like XHTML → ADF, through hast and mdast so the HTML and Markdown parsers
 * share one mapping (mdast-to-adf.ts). A few storage-format elements get their own handlers;
 * any other unknown element keeps its text.
 */
import type { Element, ElementContent, Parents } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { defaultHandlers, toMdast } from 'hast-util-to-mdast';
import type { Handle, NodeHandle, State } from 'hast-util-to-mdast';
import type { ListItem, Nodes, Root } from 'mdast';
import { mdastToAdf } from './mdast-to-adf.ts';
import type { AdfDoc } from './types.ts';

export function htmlToAdf(html: string): AdfDoc {
  const hast = fromHtml(expandSelfClosing(html), { fragment: true });
  fillEmptyDates(hast);
  const mdast = toMdast(hast, { document: true, handlers: HANDLERS, nodeHandlers: NODE_HANDLERS });
  return mdastToAdf(asRoot(mdast));
}

const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/**
 * Storage format is XHTML, where `<time datetime="…" />` is empty; an HTML parser would read the
 * rest of the paragraph into it. Self-closing non-void tags are opened and closed explicitly,
 * outside CDATA sections.
 */
function expandSelfClosing(html: string): string {
  return splitCdata(html)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : // One greedy attribute run, trimmed after: a lazy run followed by `\s*` backtracked quadratically.
          part.replace(/<([a-zA-Z][\w:.-]*)(\s[^<>]*)?\/>/g, (tag, name: string, attrs?: string) =>
            VOID_ELEMENTS.has(name.toLowerCase()) ? tag : `<${name}${(attrs ?? '').trimEnd()}></${name}>`,
          ),
    )
    .join('');
}

/** Text and CDATA sections alternating (odd indexes are sections), found in one pass. */
function splitCdata(html: string): string[] {
  const parts: string[] = [];
  let at = 0;
  for (;;) {
    const open = html.indexOf('<![CDATA[', at);
    const close = open === -1 ? -1 : html.indexOf(']]>', open + 9);
    if (close === -1) break;
    parts.push(html.slice(at, open), html.slice(open, close + 3));
    at = close + 3;
  }
  parts.push(html.slice(at));
  return parts;
}

const keepChildren: Handle = (state, element) => state.all(element);
const ignore: Handle = () => undefined;

const HANDLERS: Record<string, Handle> = {
  table: headlessAwareTable,
  // Markdown has no underline; keeping the plain text beats the default of turning it into emphasis.
  u: keepChildren,
  ins: keepChildren,
  // Macro parameters are settings (colour, language, title), not content.
  'ac:parameter': ignore,
  'ac:structured-macro': macro,
  'ac:task-list': taskList,
};

const NODE_HANDLERS: Record<string, NodeHandle> = {
  // Comments are not content; in storage format they only show up as CDATA, handled by `macro`.
  comment: () => undefined,
};

/**
 * The default handler invents an empty header row for a table without `<th>`/`<thead>`; flag
 * that so the ADF table starts with the real first row, as body cells.
 */
function headlessAwareTable(state: State, element: Element): ReturnType<Handle> {
  const result = defaultHandlers.table(state, element);
  if (result.type === 'table' && result.children.length > countRows(element)) {
    result.data = { ...result.data, adfHeadless: true };
  }
  return result;
}

function countRows(node: Element): number {
  let rows = 0;
  for (const child of node.children) {
    if (child.type !== 'element' || child.tagName === 'table') continue;
    rows += child.tagName === 'tr' ? 1 : countRows(child);
  }
  return rows;
}

/**
 * `<time datetime="2024-05-01" />` is how storage format writes a date; it gets its value as text
 * before whitespace is collapsed, so the spaces around it survive.
 */
function fillEmptyDates(node: Parents): void {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    const datetime = child.properties['dateTime'];
    if (child.tagName === 'time' && child.children.length === 0 && typeof datetime === 'string') {
      child.children = [{ type: 'text', value: datetime }];
    }
    fillEmptyDates(child);
  }
}

/** Code macros become code blocks; other macros (panels, expands) keep their body. */
function macro(state: State, element: Element): ReturnType<Handle> {
  const name = element.properties['ac:name'];
  if (name !== 'code' && name !== 'noformat') return state.all(element);
  const language = findChild(
    element,
    (e) => e.tagName === 'ac:parameter' && e.properties['ac:name'] === 'language',
  );
  const body = findChild(element, (e) => e.tagName === 'ac:plain-text-body');
  const lang = language === undefined ? '' : textOf(language).trim();
  return {
    type: 'code',
    lang: lang === '' ? null : lang,
    meta: null,
    value: body === undefined ? '' : textOf(body).replace(/^\n+|\n+$/g, ''),
  };
}

/** `<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>…` */
function taskList(state: State, element: Element): ReturnType<Handle> {
  const children: ListItem[] = [];
  for (const task of element.children) {
    if (task.type !== 'element' || task.tagName !== 'ac:task') continue;
    const status = findChild(task, (e) => e.tagName === 'ac:task-status');
    const body = findChild(task, (e) => e.tagName === 'ac:task-body');
    const flow: ListItem['children'] = body === undefined ? [] : state.toFlow(state.all(body));
    children.push({
      type: 'listItem',
      spread: false,
      checked: status !== undefined && textOf(status).trim() === 'complete',
      children: flow.length === 0 ? [{ type: 'paragraph', children: [] }] : flow,
    });
  }
  return { type: 'list', ordered: false, start: null, spread: false, children };
}

function findChild(element: Element, test: (e: Element) => boolean): Element | undefined {
  return element.children.find((c): c is Element => c.type === 'element' && test(c));
}

/** Text content, CDATA included: the HTML parser reads `<![CDATA[x]]>` as a comment `[CDATA[x]]`. */
function textOf(node: ElementContent): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'comment': {
      const cdata = /^\[CDATA\[([\s\S]*)\]\]$/.exec(node.value);
      return cdata?.[1] ?? '';
    }
    case 'element':
      return node.children.map(textOf).join('');
  }
}

/** A hast root always maps to an mdast root; the fallback only satisfies the wider return type. */
function asRoot(node: Nodes): Root {
  return node.type === 'root' ? node : { type: 'root', children: [] };
}
