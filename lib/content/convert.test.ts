import { describe, expect, it } from 'vitest';
import { doc, p, strong, text } from './adf-builders.ts';
import { convert } from './convert.ts';
import { ContentError } from './errors.ts';
import type { AdfDoc, ContentFormat } from './types.ts';

const bold = doc(p(text('hi '), text('there', strong)));

const conversions: [ContentFormat, string | AdfDoc, ContentFormat, string | AdfDoc][] = [
  ['markdown', 'hi **there**', 'adf', bold],
  ['markdown', 'hi __there__', 'markdown', 'hi **there**'],
  ['markdown', 'hi **there**', 'html', '<p>hi <strong>there</strong></p>'],
  ['html', '<p>hi <b>there</b></p>', 'adf', bold],
  ['html', '<p>hi <b>there</b></p>', 'markdown', 'hi **there**'],
  ['adf', bold, 'markdown', 'hi **there**'],
  ['adf', bold, 'html', '<p>hi <strong>there</strong></p>'],
  ['adf', bold, 'adf', bold],
  ['adf', JSON.stringify(bold), 'adf', bold],
];

const failures: [string, unknown, ContentFormat, string][] = [
  [
    'ADF that is not a document',
    { type: 'paragraph' },
    'adf',
    '(root): top-level node must be "doc", got "paragraph"',
  ],
  [
    'ADF with an unknown node',
    { type: 'doc', version: 1, content: [{ type: 'x' }] },
    'adf',
    'content[0]: unknown node type "x"',
  ],
  ['ADF text that is not JSON', '# heading', 'adf', 'adf content is a string but not JSON: '],
  ['Markdown that is not a string', bold, 'markdown', 'markdown content must be a string, got object'],
  ['HTML that is not a string', bold, 'html', 'html content must be a string, got object'],
];

describe('convert', () => {
  it.each(conversions)('converts %s to %s', (from, value, to, expected) => {
    expect(convert(value, from, to)).toEqual(expected);
  });

  it.each(failures)('throws CONTENT_INVALID for %s', (_name, value, from, message) => {
    let caught: unknown;
    try {
      convert(value as string, from, 'adf');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ContentError);
    expect(caught).toMatchObject({ name: 'ContentError', code: 'CONTENT_INVALID' });
    expect((caught as ContentError).message.startsWith(message)).toBe(true);
  });

  it('types the result by the target format', () => {
    const adf: AdfDoc = convert('a', 'markdown', 'adf');
    const markdown: string = convert(adf, 'adf', 'markdown');
    expect([adf, markdown]).toEqual([doc(p(text('a'))), 'a']);
  });
});
