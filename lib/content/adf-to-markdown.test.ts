import { describe, expect, it } from 'vitest';
import {
  br,
  code,
  codeMark,
  doc,
  em,
  h,
  li,
  link,
  ol,
  p,
  quote,
  rule,
  strike,
  strong,
  table,
  task,
  tasks,
  td,
  text,
  th,
  tr,
  ul,
} from './adf-builders.ts';
import { adfToMarkdown } from './adf-to-markdown.ts';
import type { AdfNode } from './types.ts';

const supported: [string, AdfNode[], string][] = [
  ['an empty document is an empty string', [], ''],
  ['paragraphs are separated by a blank line', [p(text('a')), p(text('b'))], 'a\n\nb'],
  ['headings use ATX markers', [h(2, text('t'))], '## t'],
  [
    'marks become emphasis, code and strikethrough',
    [
      p(
        text('b', strong),
        text(' '),
        text('i', em),
        text(' '),
        text('c', codeMark),
        text(' '),
        text('s', strike),
      ),
    ],
    '**b** *i* `c` ~~s~~',
  ],
  [
    'a mark spanning neighbours is opened once',
    [p(text('a ', strong), text('b', strong, em), text(' c', strong))],
    '**a *b* c**',
  ],
  ['links carry their title', [p(text('x', link('https://x.test', 'T')))], '[x](https://x.test "T")'],
  ['markdown syntax in text is escaped', [p(text('*not* [a](b)'))], '\\*not\\* \\[a]\\(b)'],
  ['hard breaks use a backslash', [p(text('a'), br(), text('b'))], 'a\\\nb'],
  [
    'bullet lists use dashes',
    [ul(li(p(text('a'))), li(p(text('b')), ul(li(p(text('c'))))))],
    '- a\n- b\n  - c',
  ],
  ['ordered lists count from their order', [ol(7, li(p(text('a'))), li(p(text('b'))))], '7. a\n8. b'],
  [
    'task lists use checkboxes',
    [tasks(1, task(1, 'TODO', text('a')), task(2, 'DONE', text('b')), tasks(2, task(3, 'TODO', text('c'))))],
    '- [ ] a\n- [x] b\n  - [ ] c',
  ],
  [
    'code blocks are fenced with their language',
    [code('let a;\nlet b;', 'ts')],
    '```ts\nlet a;\nlet b;\n```',
  ],
  ['blockquotes are quoted', [quote(p(text('a')), p(text('b')))], '> a\n>\n> b'],
  ['rules are dashes', [rule()], '---'],
  [
    'tables use GFM pipes, breaks in cells as <br>',
    [
      table(
        tr(th(p(text('h'))), th(p(text('i')))),
        tr(td(p(text('a'), br(), text('b'))), td(p(text('c|d')))),
      ),
    ],
    '| h      | i    |\n| ------ | ---- |\n| a<br>b | c\\|d |',
  ],
];

const lossy: [string, AdfNode[], string][] = [
  [
    'a mention is @ and its name',
    [p({ type: 'mention', attrs: { id: 'u1', text: '@Ann Lee' } })],
    '@Ann Lee',
  ],
  [
    'a mention without a leading @ gets one',
    [p({ type: 'mention', attrs: { id: 'u1', text: 'Ann' } })],
    '@Ann',
  ],
  [
    'an emoji is its short name',
    [p(text('hi '), { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } })],
    'hi :smile:',
  ],
  [
    'an inline card is an autolink',
    [p({ type: 'inlineCard', attrs: { url: 'https://x.test/a' } })],
    '<https://x.test/a>',
  ],
  [
    'a status is its text in brackets',
    [p({ type: 'status', attrs: { text: 'In progress', color: 'blue' } })],
    '[IN PROGRESS]',
  ],
  ['a date is an ISO date', [p({ type: 'date', attrs: { timestamp: '1714521600000' } })], '2024-05-01'],
  [
    'a panel is a blockquote',
    [{ type: 'panel', attrs: { panelType: 'info' }, content: [p(text('note'))] }],
    '> note',
  ],
  [
    'an expand is its title in bold, then its content',
    [{ type: 'expand', attrs: { title: 'More' }, content: [p(text('hidden'))] }],
    '**More**\n\nhidden',
  ],
  [
    'media is dropped',
    [
      p(text('before')),
      { type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'file', id: 'f' } }] },
      p(text('after')),
    ],
    'before\n\nafter',
  ],
  [
    'underline, colour and sub/superscript marks are dropped',
    [
      p(
        text('u', { type: 'underline' }),
        text('c', { type: 'textColor', attrs: { color: '#f00' } }),
        text('s', { type: 'subsup', attrs: { type: 'sub' } }),
      ),
    ],
    'ucs',
  ],
  [
    'a block card is an autolink paragraph',
    [{ type: 'blockCard', attrs: { url: 'https://x.test' } }],
    '<https://x.test>',
  ],
  [
    'a decision list is a bullet list',
    [
      {
        type: 'decisionList',
        attrs: { localId: 'd' },
        content: [{ type: 'decisionItem', attrs: { localId: 'i', state: 'DECIDED' }, content: [text('go')] }],
      },
    ],
    '- go',
  ],
];

describe('adfToMarkdown', () => {
  it.each(supported)('%s', (_name, content, markdown) => {
    expect(adfToMarkdown(doc(...content))).toBe(markdown);
  });

  it.each(lossy)('renders what Markdown cannot carry: %s', (_name, content, markdown) => {
    expect(adfToMarkdown(doc(...content))).toBe(markdown);
  });
});
