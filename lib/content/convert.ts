import { validateAdfDoc } from './adf-schema.ts';
import { adfToHtml } from './adf-to-html.ts';
import { adfToMarkdown } from './adf-to-markdown.ts';
import { ContentError } from './errors.ts';
import { htmlToAdf } from './html-to-adf.ts';
import { markdownToAdf } from './markdown-to-adf.ts';
import type { AdfDoc, ContentFormat } from './types.ts';

/**
 * Converts between the formats the Rovo tools speak, always through ADF (what the site stores),
 * so a same-format conversion returns the stored form. ADF may come as an object or as its JSON
 * text, since tool arguments often carry it as a string.
 */
export function convert(value: string | AdfDoc, from: ContentFormat, to: 'adf'): AdfDoc;
export function convert(value: string | AdfDoc, from: ContentFormat, to: 'markdown' | 'html'): string;
export function convert(value: string | AdfDoc, from: ContentFormat, to: ContentFormat): string | AdfDoc;
export function convert(value: string | AdfDoc, from: ContentFormat, to: ContentFormat): string | AdfDoc {
  const doc = toAdf(value, from);
  switch (to) {
    case 'adf':
      return doc;
    case 'markdown':
      return adfToMarkdown(doc);
    case 'html':
      return adfToHtml(doc);
  }
}

function toAdf(value: unknown, from: ContentFormat): AdfDoc {
  switch (from) {
    case 'adf': {
      const result = validateAdfDoc(typeof value === 'string' ? parseJson(value) : value);
      if (!result.ok) throw new ContentError(result.reason, result.path);
      return result.doc;
    }
    case 'markdown':
      return markdownToAdf(requireString(value, from));
    case 'html':
      return htmlToAdf(requireString(value, from));
  }
}

function requireString(value: unknown, format: ContentFormat): string {
  if (typeof value !== 'string')
    throw new ContentError(`${format} content must be a string, got ${typeof value}`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ContentError(`adf content is a string but not JSON: ${detail}`);
  }
}
