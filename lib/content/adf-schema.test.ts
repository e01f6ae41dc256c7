import { describe, expect, it } from 'vitest';
import { isAdfDoc, validateAdfDoc } from './adf-schema.ts';
import { doc, li, p, strong, text, ul } from './adf-builders.ts';

const valid: [string, unknown][] = [
  ['an empty document', doc()],
  [
    'a paragraph with marked text',
    doc(p(text('a', strong), text('b', { type: 'link', attrs: { href: 'x' } }))),
  ],
  ['an empty paragraph without content', { type: 'doc', version: 1, content: [{ type: 'paragraph' }] }],
  ['a nested list', doc(ul(li(p(text('a')), ul(li(p(text('b')))))))],
  [
    'a panel with a heading',
    doc({
      type: 'panel',
      attrs: { panelType: 'info' },
      content: [{ type: 'heading', attrs: { level: 2 }, content: [text('t')] }],
    }),
  ],
  [
    'inline atoms',
    doc(
      p(
        { type: 'mention', attrs: { id: 'abc', text: '@Ann' } },
        { type: 'emoji', attrs: { shortName: ':smile:' } },
        { type: 'status', attrs: { text: 'done', color: 'green' } },
        { type: 'date', attrs: { timestamp: '1714521600000' } },
        { type: 'inlineCard', attrs: { url: 'https://x' } },
      ),
    ),
  ],
  [
    'media inside mediaSingle',
    doc({
      type: 'mediaSingle',
      content: [{ type: 'media', attrs: { type: 'file', id: 'f', collection: 'c' } }],
    }),
  ],
  [
    'a paragraph with an alignment mark',
    doc({ ...p(text('a')), marks: [{ type: 'alignment', attrs: { align: 'center' } }] }),
  ],
];

const invalid: [string, unknown, string, string][] = [
  ['a string', 'hello', '(root)', 'expected an ADF document object, got a string'],
  ['a number', 42, '(root)', 'expected an ADF document object, got a number'],
  ['null', null, '(root)', 'expected an ADF document object, got null'],
  ['an array', [], '(root)', 'expected an ADF document object, got an array'],
  [
    'a paragraph at the top',
    { type: 'paragraph' },
    '(root)',
    'top-level node must be "doc", got "paragraph"',
  ],
  ['a wrong version', { type: 'doc', version: 2, content: [] }, 'version', 'version must be 1'],
  ['a missing content array', { type: 'doc', version: 1 }, 'content', 'doc needs a content array'],
  [
    'an unknown node type',
    doc(p(text('a'), { type: 'widget' })),
    'content[0].content[1]',
    'unknown node type "widget"',
  ],
  ['text at the top', doc(text('a')), 'content[0]', '"text" is not allowed inside "doc"'],
  [
    'a paragraph directly in a list',
    doc(ul(p())),
    'content[0].content[0]',
    '"paragraph" is not allowed inside "bulletList"',
  ],
  ['an empty list', doc(ul()), 'content[0].content', '"bulletList" needs at least 1 child node'],
  [
    'empty text',
    doc(p({ type: 'text', text: '' })),
    'content[0].content[0].text',
    'text node needs non-empty text',
  ],
  [
    'a heading without attrs',
    doc({ type: 'heading', content: [] }),
    'content[0].attrs',
    '"heading" needs attrs',
  ],
  [
    'a heading level 7',
    doc({ type: 'heading', attrs: { level: 7 }, content: [] }),
    'content[0].attrs.level',
    'Too big: expected number to be <=6',
  ],
  [
    'an unknown mark',
    doc(p(text('a', { type: 'blink' }))),
    'content[0].content[0].marks[0]',
    'unknown mark type "blink"',
  ],
  [
    'a link without attrs',
    doc(p(text('a', { type: 'link' }))),
    'content[0].content[0].marks[0].attrs',
    'mark "link" needs attrs',
  ],
  [
    'a repeated mark',
    doc(p(text('a', strong, strong))),
    'content[0].content[0].marks[1]',
    'mark "strong" appears more than once',
  ],
  [
    'a text mark on a paragraph',
    doc({ ...p(), marks: [strong] }),
    'content[0].marks[0]',
    'mark "strong" is not allowed on "paragraph"',
  ],
  [
    'content on a leaf',
    doc({ type: 'rule', content: [text('x')] }),
    'content[0].content',
    '"rule" cannot have content',
  ],
  [
    'a mention without id',
    doc(p({ type: 'mention', attrs: { text: '@a' } })),
    'content[0].content[0].attrs.id',
    'Invalid input: expected string, received undefined',
  ],
  [
    'marks inside a code block',
    doc({ type: 'codeBlock', content: [text('x', strong)] }),
    'content[0].content',
    'text inside "codeBlock" cannot carry marks',
  ],
  [
    'content that is not an array',
    { type: 'doc', version: 1, content: [{ type: 'paragraph', content: 'x' }] },
    'content[0].content',
    'Invalid input: expected array, received string',
  ],
];

describe('validateAdfDoc', () => {
  it.each(valid)('accepts %s', (_name, value) => {
    const result = validateAdfDoc(value);
    expect(result).toEqual({ ok: true, doc: value });
  });

  it.each(invalid)('rejects %s with a path and a reason', (_name, value, path, reason) => {
    expect(validateAdfDoc(value)).toEqual({ ok: false, path, reason });
  });

  it('tolerates extra keys, as Jira does, and leaves them out of the typed document', () => {
    const value = { type: 'doc', version: 1, content: [{ type: 'rule', localId: 'r1' }], extra: true };
    expect(validateAdfDoc(value)).toEqual({ ok: true, doc: doc({ type: 'rule' }) });
  });
});

describe('isAdfDoc', () => {
  it.each([
    [doc(p(text('a'))), true],
    ['a', false],
    [{ type: 'doc', version: 1, content: [{ type: 'nope' }] }, false],
  ])('tells ADF documents apart from other values (%#)', (value, expected) => {
    expect(isAdfDoc(value)).toBe(expected);
  });
});
