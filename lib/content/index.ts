/**
 * Rich-text conversion between ADF (what Atlassian stores) and Markdown, HTML and plain text: the fake
 * site stores and renders with it, and the harness reads and writes rich text through it.
 */
export type { AdfDoc, AdfMark, AdfNode, AdfValidationResult, ContentFormat } from './types.ts';
export { ADF_MARK_TYPES, ADF_NODE_TYPES, isAdfDoc, validateAdfDoc } from './adf-schema.ts';
export { markdownToAdf } from './markdown-to-adf.ts';
export { adfToMarkdown } from './adf-to-markdown.ts';
export { htmlToAdf } from './html-to-adf.ts';
export { adfToHtml } from './adf-to-html.ts';
export { adfToPlainText, plainTextToAdf } from './plain-text.ts';
export { LOSSY_MARK_TYPES, LOSSY_NODE_TYPES, findLossyContent } from './lossy.ts';
export { convert } from './convert.ts';
export { ContentError } from './errors.ts';
export type { ContentErrorCode } from './errors.ts';
