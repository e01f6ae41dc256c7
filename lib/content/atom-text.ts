/**
 * How atoms that only ADF can express (mentions, emoji, status lozenges, dates, smart links) read
 * as text. Markdown, HTML and plain text all use these so the three renderings agree.
 */
import { stringAttr as attr } from './attrs.ts';
import type { AdfNode } from './types.ts';

/** `@Alice`, whether or not the stored text already carries the `@`. */
export function mentionText(node: AdfNode): string {
  const name = attr(node, 'text') ?? attr(node, 'id') ?? '';
  return `@${name.replace(/^@/, '')}`;
}

export function emojiShortName(node: AdfNode): string {
  return attr(node, 'shortName') ?? '';
}

/** The character itself when known, else the short name, as Jira's own text rendering does. */
export function emojiText(node: AdfNode): string {
  return attr(node, 'text') ?? emojiShortName(node);
}

export function statusText(node: AdfNode): string {
  return (attr(node, 'text') ?? '').toUpperCase();
}

/** `YYYY-MM-DD` in UTC; ADF dates are midnight UTC in milliseconds, stored as a string. */
export function dateText(node: AdfNode): string {
  const ms = Number(attr(node, 'timestamp'));
  if (!Number.isFinite(ms)) return '';
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

export function cardUrl(node: AdfNode): string | undefined {
  const url = attr(node, 'url');
  if (url !== undefined) return url;
  const data = node.attrs?.['data'];
  if (typeof data === 'object' && data !== null && 'url' in data && typeof data.url === 'string')
    return data.url;
  return undefined;
}
