import { describe, expect, it } from 'vitest';
import { doc, p, text } from './adf-builders.ts';
import { adfToMarkdown } from './adf-to-markdown.ts';
import { LOSSY_NODE_TYPES, findLossyContent } from './lossy.ts';
import { markdownToAdf } from './markdown-to-adf.ts';
import type { AdfNode } from './types.ts';

/** One instance of each lossy node type, each in a context ADF allows. */
const samples: [string, AdfNode][] = [
  ['mention', p({ type: 'mention', attrs: { id: 'u', text: '@U' } })],
  ['emoji', p({ type: 'emoji', attrs: { shortName: ':x:' } })],
  ['inlineCard', p({ type: 'inlineCard', attrs: { url: 'https://c.test' } })],
  ['blockCard', { type: 'blockCard', attrs: { url: 'https://c.test' } }],
  ['embedCard', { type: 'embedCard', attrs: { url: 'https://c.test' } }],
  ['status', p({ type: 'status', attrs: { text: 'ok', color: 'green' } })],
  ['date', p({ type: 'date', attrs: { timestamp: '0' } })],
  ['panel', { type: 'panel', attrs: { panelType: 'info' }, content: [p(text('a'))] }],
  ['expand', { type: 'expand', attrs: { title: 't' }, content: [p(text('a'))] }],
  ['layoutSection', { type: 'layoutSection', content: [{ type: 'layoutColumn', content: [p(text('a'))] }] }],
  [
    'decisionList',
    {
      type: 'decisionList',
      attrs: { localId: 'd' },
      content: [{ type: 'decisionItem', attrs: { localId: 'i', state: 'DECIDED' }, content: [text('a')] }],
    },
  ],
  ['mediaSingle', { type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'file', id: 'f' } }] }],
  ['extension', { type: 'extension', attrs: { extensionKey: 'k', extensionType: 't' } }],
];

describe('LOSSY_NODE_TYPES', () => {
  it.each(samples)('a document with %s does not survive a Markdown round trip', (_name, node) => {
    const original = doc(node);
    expect(markdownToAdf(adfToMarkdown(original))).not.toEqual(original);
  });

  it('names no node type that the Markdown parser produces', () => {
    const everything = markdownToAdf(
      '# h\n\n- a\n1. b\n- [ ] c\n\n> q\n\n```\nx\n```\n\n---\n\n| a |\n|---|\n| b |',
    );
    expect(findLossyContent(everything)).toEqual({ nodes: [], marks: [] });
    expect(LOSSY_NODE_TYPES).not.toContain('paragraph');
  });
});

describe('findLossyContent', () => {
  it('lists the lossy node and mark types present, sorted', () => {
    const value = doc(
      p({ type: 'status', attrs: { text: 'x', color: 'red' } }, text('u', { type: 'underline' })),
      { type: 'panel', attrs: { panelType: 'note' }, content: [p({ type: 'mention', attrs: { id: 'a' } })] },
    );
    expect(findLossyContent(value)).toEqual({ nodes: ['mention', 'panel', 'status'], marks: ['underline'] });
  });
});
