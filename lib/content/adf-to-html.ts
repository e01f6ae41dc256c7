/**
 * ADF → Confluence storage-like XHTML. Output is compact (no whitespace between blocks) and
 * deterministic; storage-format elements (`ac:task-list`, `ac:structured-macro`) are used where
 * plain HTML has no equivalent, and html-to-adf.ts reads them back.
 */
import { cardUrl, dateText, emojiShortName, emojiText, mentionText, statusText } from './atom-text.ts';
import { numberAttr, stringAttr } from './attrs.ts';
import { SILENT_INLINE, STRAY_INLINE } from './inline-kinds.ts';
import { canonicalMarks } from './marks.ts';
import type { AdfDoc, AdfMark, AdfNode } from './types.ts';

export function adfToHtml(doc: AdfDoc): string {
  return blocks(doc.content);
}

/** Confluence has info/note/tip/warning macros; the other ADF panel types map to the nearest. */
const PANEL_MACROS: Readonly<Record<string, string>> = {
  info: 'info',
  note: 'note',
  tip: 'tip',
  warning: 'warning',
  error: 'warning',
  success: 'tip',
  custom: 'panel',
};

function blocks(nodes: readonly AdfNode[]): string {
  return nodes.map(block).join('');
}

function block(node: AdfNode): string {
  const content = node.content ?? [];
  if (STRAY_INLINE.has(node.type)) return `<p>${inline([node])}</p>`;
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(content)}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, numberAttr(node, 'level') ?? 1));
      return `<h${level}>${inline(content)}</h${level}>`;
    }
    case 'bulletList':
    case 'decisionList':
      return `<ul>${content.map(listItem).join('')}</ul>`;
    case 'orderedList': {
      const order = numberAttr(node, 'order') ?? 1;
      return `${order === 1 ? '<ol>' : `<ol start="${order}">`}${content.map(listItem).join('')}</ol>`;
    }
    case 'listItem':
    case 'decisionItem':
      return listItem(node);
    case 'codeBlock': {
      const language = stringAttr(node, 'language');
      const open = language === undefined ? '<code>' : `<code class="language-${escapeAttr(language)}">`;
      return `<pre>${open}${escapeText(content.map((t) => t.text ?? '').join(''))}</code></pre>`;
    }
    case 'blockquote':
      return `<blockquote>${blocks(content)}</blockquote>`;
    case 'rule':
      return '<hr />';
    case 'table':
      return `<table><tbody>${content.map(tableRow).join('')}</tbody></table>`;
    case 'taskList':
      return taskList(content);
    case 'panel': {
      const macro = PANEL_MACROS[stringAttr(node, 'panelType') ?? ''] ?? 'panel';
      return `<ac:structured-macro ac:name="${macro}"><ac:rich-text-body>${blocks(content)}</ac:rich-text-body></ac:structured-macro>`;
    }
    case 'expand':
    case 'nestedExpand': {
      const title = stringAttr(node, 'title') ?? '';
      return (
        '<ac:structured-macro ac:name="expand">' +
        `<ac:parameter ac:name="title">${escapeText(title)}</ac:parameter>` +
        `<ac:rich-text-body>${blocks(content)}</ac:rich-text-body></ac:structured-macro>`
      );
    }
    case 'blockCard':
    case 'embedCard': {
      const url = cardUrl(node);
      return url === undefined ? '' : `<p>${link(url, escapeText(url))}</p>`;
    }
    // Media lives in uploaded files the fake site does not keep.
    case 'mediaSingle':
    case 'mediaGroup':
    case 'media':
    case 'extension':
      return '';
    default:
      return blocks(content);
  }
}

/** A leading paragraph is written inline (`<li>text<ul>…</ul></li>`), as Confluence does. */
function listItem(node: AdfNode): string {
  if (node.type === 'decisionItem') return `<li>${inline(node.content ?? [])}</li>`;
  const [first, ...rest] = node.content ?? [];
  if (first?.type === 'paragraph') return `<li>${inline(first.content ?? [])}${blocks(rest)}</li>`;
  return `<li>${blocks(node.content ?? [])}</li>`;
}

function tableRow(row: AdfNode): string {
  const cells = (row.content ?? []).map((cell) => {
    const tag = cell.type === 'tableHeader' ? 'th' : 'td';
    const colspan = numberAttr(cell, 'colspan');
    const rowspan = numberAttr(cell, 'rowspan');
    const attrs =
      (colspan !== undefined && colspan > 1 ? ` colspan="${colspan}"` : '') +
      (rowspan !== undefined && rowspan > 1 ? ` rowspan="${rowspan}"` : '');
    return `<${tag}${attrs}>${blocks(cell.content ?? [])}</${tag}>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}

/** Storage format's task list; a nested list goes inside the body of the task before it. */
function taskList(content: readonly AdfNode[]): string {
  const tasks: { head: string; nested: string[] }[] = [];
  for (const child of content) {
    if (child.type === 'taskList') {
      const previous = tasks[tasks.length - 1];
      if (previous === undefined)
        tasks.push({ head: task('', 'TODO', ''), nested: [taskList(child.content ?? [])] });
      else previous.nested.push(taskList(child.content ?? []));
      continue;
    }
    const id = stringAttr(child, 'localId') ?? '';
    tasks.push({
      head: task(id, stringAttr(child, 'state') ?? 'TODO', inline(child.content ?? [])),
      nested: [],
    });
  }
  const rendered = tasks.map((t) => `${t.head}${t.nested.join('')}</ac:task-body></ac:task>`);
  return `<ac:task-list>${rendered.join('')}</ac:task-list>`;
}

function task(id: string, state: string, body: string): string {
  return (
    `<ac:task><ac:task-id>${escapeText(id)}</ac:task-id>` +
    `<ac:task-status>${state === 'DONE' ? 'complete' : 'incomplete'}</ac:task-status>` +
    `<ac:task-body>${body}`
  );
}

function inline(nodes: readonly AdfNode[]): string {
  return nodes.map(inlineOne).join('');
}

function inlineOne(node: AdfNode): string {
  if (SILENT_INLINE.has(node.type)) return '';
  switch (node.type) {
    case 'text':
      return canonicalMarks(node.marks ?? [])
        .reverse()
        .reduce((html, mark) => applyMark(mark, html), escapeText(node.text ?? ''));
    case 'hardBreak':
      return '<br />';
    case 'mention': {
      const id = stringAttr(node, 'id') ?? '';
      return `<span data-mention-id="${escapeAttr(id)}">${escapeText(mentionText(node))}</span>`;
    }
    case 'emoji':
      return `<span data-emoji-short-name="${escapeAttr(emojiShortName(node))}">${escapeText(emojiText(node))}</span>`;
    case 'inlineCard': {
      const url = cardUrl(node);
      return url === undefined ? '' : link(url, escapeText(url));
    }
    case 'status': {
      const color = stringAttr(node, 'color') ?? 'neutral';
      return `<span data-status-color="${escapeAttr(color)}">${escapeText(statusText(node))}</span>`;
    }
    case 'date': {
      const date = dateText(node);
      return `<time datetime="${escapeAttr(date)}">${escapeText(date)}</time>`;
    }
    default:
      return inline(node.content ?? []);
  }
}

function applyMark(mark: AdfMark, html: string): string {
  const attr = (name: string): string => {
    const value = mark.attrs?.[name];
    return typeof value === 'string' ? value : '';
  };
  switch (mark.type) {
    case 'link': {
      const title = attr('title');
      return link(attr('href'), html, title === '' ? undefined : title);
    }
    case 'strong':
      return `<strong>${html}</strong>`;
    case 'em':
      return `<em>${html}</em>`;
    case 'strike':
      return `<s>${html}</s>`;
    case 'underline':
      return `<u>${html}</u>`;
    case 'code':
      return `<code>${html}</code>`;
    case 'subsup':
      return attr('type') === 'sub' ? `<sub>${html}</sub>` : `<sup>${html}</sup>`;
    case 'textColor':
      return `<span style="color: ${escapeAttr(attr('color'))}">${html}</span>`;
    case 'backgroundColor':
      return `<span style="background-color: ${escapeAttr(attr('color'))}">${html}</span>`;
    default:
      return html;
  }
}

function link(href: string, html: string, title?: string): string {
  const titleAttr = title === undefined ? '' : ` title="${escapeAttr(title)}"`;
  return `<a href="${escapeAttr(href)}"${titleAttr}>${html}</a>`;
}

function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttr(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}
