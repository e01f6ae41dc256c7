import { describe, expect, it } from 'vitest';
import {
  br,
  code,
  doc,
  h,
  li,
  p,
  quote,
  rule,
  table,
  task,
  tasks,
  td,
  text,
  th,
  tr,
  ul,
} from './adf-builders.ts';
import { adfToPlainText, plainTextToAdf } from './plain-text.ts';
import type { AdfNode } from './types.ts';

const toText: [string, AdfNode[], string][] = [
  ['an empty document is an empty string', [], ''],
  ['blocks are separated by newlines', [h(1, text('T')), p(text('a')), p(text('b'))], 'T\na\nb'],
  ['hard breaks are newlines', [p(text('a'), br(), text('b'))], 'a\nb'],
  ['list items each take a line', [ul(li(p(text('a')), ul(li(p(text('b'))))), li(p(text('c'))))], 'a\nb\nc'],
  ['task items each take a line', [tasks(1, task(1, 'TODO', text('a')), task(2, 'DONE', text('b')))], 'a\nb'],
  ['code keeps its lines', [code('x\ny', 'js')], 'x\ny'],
  ['empty blocks and rules add no lines', [p(text('a')), rule(), p(), quote(p(text('q')))], 'a\nq'],
  ['table cells each take a line', [table(tr(th(p(text('h')))), tr(td(p(text('c')))))], 'h\nc'],
  [
    'mentions, emoji, status and dates read as their text',
    [
      p(
        { type: 'mention', attrs: { id: 'u1', text: '@Ann' } },
        text(' '),
        { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
        text(' '),
        { type: 'status', attrs: { text: 'Done', color: 'green' } },
        text(' '),
        { type: 'date', attrs: { timestamp: '1714521600000' } },
      ),
    ],
    '@Ann 😄 DONE 2024-05-01',
  ],
  [
    'an expand starts with its title',
    [{ type: 'expand', attrs: { title: 'More' }, content: [p(text('x'))] }],
    'More\nx',
  ],
];

const fromText: [string, string, AdfNode[]][] = [
  ['an empty string is an empty document', '', []],
  ['each non-empty line is a paragraph', 'a\n\n  \nb', [p(text('a')), p(text('b'))]],
  ['any line ending splits lines', 'a\r\nb\rc', [p(text('a')), p(text('b')), p(text('c'))]],
  ['lines are kept verbatim', '  indented *not bold*', [p(text('  indented *not bold*'))]],
];

describe('adfToPlainText', () => {
  it.each(toText)('%s', (_name, content, expected) => {
    expect(adfToPlainText(doc(...content))).toBe(expected);
  });
});

describe('plainTextToAdf', () => {
  it.each(fromText)('%s', (_name, input, content) => {
    expect(plainTextToAdf(input)).toEqual(doc(...content));
  });
});
