/**
 * Atlassian Document Format (ADF) as the fake site stores every rich-text value
 * (Jira description/comments/textarea fields, Confluence bodies). Converters turn it into
 * Markdown, HTML (Confluence storage-like) and plain text, and parse those back.
 */
export interface AdfMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface AdfNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: AdfNode[];
  marks?: AdfMark[];
  text?: string;
}

export interface AdfDoc {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** Rich-text formats the Rovo tools speak (`contentFormat` / `responseContentFormat`). */
export type ContentFormat = 'adf' | 'markdown' | 'html';

/** Outcome of structural validation: the typed document, or where and why it is not ADF. */
export type AdfValidationResult = { ok: true; doc: AdfDoc } | { ok: false; path: string; reason: string };
