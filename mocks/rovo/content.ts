import {
  adfToHtml,
  adfToMarkdown,
  isAdfDoc,
  markdownToAdf,
  validateAdfDoc,
} from '../../lib/content/index.ts';
import type { AdfDoc } from '../../lib/content/types.ts';
import { RovoToolError } from './tools/define.ts';

export type JiraFormat = 'adf' | 'markdown';
export type ConfluenceFormat = 'adf' | 'markdown' | 'html';

/**
 * Turns a rich-text argument into ADF as Rovo does for known rich-text fields (description,
 * comment bodies): a string is Markdown; an object must be an ADF doc and needs `contentFormat: "adf"`
 * when the effective format is Markdown (atlassian-mcp-server#42, #104, #229).
 */
export function richTextToAdf(
  field: string,
  value: unknown,
  explicit: JiraFormat | undefined,
  fallback: JiraFormat,
): AdfDoc {
  const format = explicit ?? fallback;
  if (typeof value === 'string') {
    if (explicit === 'adf') {
      const parsed = parseJsonDoc(value);
      if (parsed) return parsed;
      throw new RovoToolError(
        `Invalid value for field "${field}": expected an Atlassian Document object when contentFormat is "adf", got a string that is not ADF JSON. Pass contentFormat: "markdown" to send Markdown.`,
      );
    }
    return markdownToAdf(value);
  }
  if (format === 'markdown') {
    if (explicit === 'markdown')
      throw new RovoToolError(
        `Invalid value for field "${field}": expected a markdown string when contentFormat is "markdown", got ${typeof value}. Pass contentFormat: "adf" to send an Atlassian Document.`,
      );
    throw new RovoToolError('Failed to convert markdown to adf');
  }
  const checked = validateAdfDoc(value);
  if (!checked.ok)
    throw new RovoToolError(
      `Invalid value for field "${field}": not an Atlassian Document (${checked.path}: ${checked.reason}).`,
    );
  return checked.doc;
}

function parseJsonDoc(text: string): AdfDoc | undefined {
  try {
    const v: unknown = JSON.parse(text);
    return isAdfDoc(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Renders every ADF document inside a payload in the requested format (Jira: adf or markdown). */
export function renderRichText<T>(payload: T, format: ConfluenceFormat): T {
  if (format === 'adf') return payload;
  const walk = (v: unknown): unknown => {
    if (isAdfDoc(v)) return format === 'markdown' ? adfToMarkdown(v) : adfToHtml(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(payload) as T;
}
