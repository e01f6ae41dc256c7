/** Terse ADF constructors for tests and seed data; they produce exactly what the parsers emit. */
import type { AdfDoc, AdfMark, AdfNode } from './types.ts';

export const doc = (...content: AdfNode[]): AdfDoc => ({ type: 'doc', version: 1, content });
export const p = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
export const h = (level: number, ...content: AdfNode[]): AdfNode => ({
  type: 'heading',
  attrs: { level },
  content,
});
export const text = (value: string, ...marks: AdfMark[]): AdfNode =>
  marks.length === 0 ? { type: 'text', text: value } : { type: 'text', text: value, marks };
export const br = (): AdfNode => ({ type: 'hardBreak' });
export const ul = (...items: AdfNode[]): AdfNode => ({ type: 'bulletList', content: items });
export const ol = (order: number, ...items: AdfNode[]): AdfNode => ({
  type: 'orderedList',
  attrs: { order },
  content: items,
});
export const li = (...content: AdfNode[]): AdfNode => ({ type: 'listItem', content });
export const tasks = (id: number, ...content: AdfNode[]): AdfNode => ({
  type: 'taskList',
  attrs: { localId: `task-list-${id}` },
  content,
});
export const task = (id: number, state: 'TODO' | 'DONE', ...content: AdfNode[]): AdfNode => ({
  type: 'taskItem',
  attrs: { localId: `task-${id}`, state },
  content,
});
export const code = (value: string, language?: string): AdfNode => ({
  type: 'codeBlock',
  ...(language === undefined ? {} : { attrs: { language } }),
  content: value === '' ? [] : [{ type: 'text', text: value }],
});
export const quote = (...content: AdfNode[]): AdfNode => ({ type: 'blockquote', content });
export const rule = (): AdfNode => ({ type: 'rule' });
export const table = (...rows: AdfNode[]): AdfNode => ({ type: 'table', content: rows });
export const tr = (...cells: AdfNode[]): AdfNode => ({ type: 'tableRow', content: cells });
export const th = (...content: AdfNode[]): AdfNode => ({ type: 'tableHeader', content });
export const td = (...content: AdfNode[]): AdfNode => ({ type: 'tableCell', content });

export const strong: AdfMark = { type: 'strong' };
export const em: AdfMark = { type: 'em' };
export const strike: AdfMark = { type: 'strike' };
export const codeMark: AdfMark = { type: 'code' };
export const link = (href: string, title?: string): AdfMark => ({
  type: 'link',
  attrs: title === undefined ? { href } : { href, title },
});
