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
import { validateAdfDoc } from './adf-schema.ts';
import { markdownToAdf } from './markdown-to-adf.ts';
import type { AdfNode } from './types.ts';

const cases: [string, string, AdfNode[]][] = [
  ['empty input is an empty document', '', []],
  ['whitespace only is an empty document', '  \n\n ', []],
  ['a paragraph is a paragraph', 'hello world', [p(text('hello world'))]],
  ['soft line breaks stay in the text', 'a\nb', [p(text('a\nb'))]],
  ['headings keep their level', '# One\n\n###### Six', [h(1, text('One')), h(6, text('Six'))]],
  ['an empty heading has empty content', '#', [h(1)]],
  [
    'inline formatting becomes marks',
    '**b** *i* `c` ~~s~~',
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
  ],
  [
    'nested emphasis yields marks in canonical order',
    '*a **b** c*',
    [p(text('a ', em), text('b', strong, em), text(' c', em))],
  ],
  ['formatting around inline code is dropped, as ADF requires', '**`x`**', [p(text('x', codeMark))]],
  ['a link is a link mark', '[site](https://x.test "T")', [p(text('site', link('https://x.test', 'T')))]],
  ['an autolink literal is a link', 'www.x.test', [p(text('www.x.test', link('http://www.x.test')))]],
  [
    'a reference link resolves its definition',
    '[a][r]\n\n[r]: https://r.test',
    [p(text('a', link('https://r.test')))],
  ],
  [
    'an image becomes a link to its source',
    '![logo](https://x.test/l.png)',
    [p(text('logo', link('https://x.test/l.png')))],
  ],
  [
    'an image without alt text shows its URL',
    '![](https://x.test/l.png)',
    [p(text('https://x.test/l.png', link('https://x.test/l.png')))],
  ],
  ['a backslash at line end is a hard break', 'a\\\nb', [p(text('a'), br(), text('b'))]],
  ['two trailing spaces are a hard break', 'a  \nb', [p(text('a'), br(), text('b'))]],
  ['a bullet list is a bulletList', '- a\n- b', [ul(li(p(text('a'))), li(p(text('b'))))]],
  ['an ordered list keeps its start', '3. a\n4. b', [ol(3, li(p(text('a'))), li(p(text('b'))))]],
  ['nested lists nest', '1. a\n   - b', [ol(1, li(p(text('a')), ul(li(p(text('b'))))))]],
  [
    'a list item opening with a list gets an empty paragraph first',
    '- - a',
    [ul(li(p(), ul(li(p(text('a'))))))],
  ],
  [
    'task lists get deterministic ids and states',
    '- [ ] todo\n- [x] done',
    [tasks(1, task(1, 'TODO', text('todo')), task(2, 'DONE', text('done')))],
  ],
  [
    'nested task lists follow their parent item',
    '- [ ] a\n  - [x] b',
    [tasks(1, task(1, 'TODO', text('a')), tasks(2, task(2, 'DONE', text('b'))))],
  ],
  [
    'a list mixing tasks and bullets splits into runs',
    '- [ ] a\n- b',
    [tasks(1, task(1, 'TODO', text('a'))), ul(li(p(text('b'))))],
  ],
  [
    'paragraphs of a task item join with hard breaks',
    '- [ ] a\n\n  b',
    [tasks(1, task(1, 'TODO', text('a'), br(), text('b')))],
  ],
  ['a fenced code block keeps its language', '```ts\nlet a;\n```', [code('let a;', 'ts')]],
  ['a fenced code block without language has no attrs', '```\nx\n```', [code('x')]],
  ['an indented code block is a code block', '    x = 1', [code('x = 1')]],
  ['a blockquote is a blockquote', '> a\n>\n> b', [quote(p(text('a')), p(text('b')))]],
  ['an empty blockquote holds an empty paragraph', '>', [quote(p())]],
  ['a heading inside a quote becomes a paragraph', '> # t', [quote(p(text('t')))]],
  ['a task list inside a quote keeps its boxes as text', '> - [x] a', [quote(ul(li(p(text('[x] a')))))]],
  ['a thematic break is a rule', 'a\n\n---', [p(text('a')), rule()]],
  [
    'a table has a header row and body rows of paragraphs',
    '| a | b |\n|---|---|\n| 1 | **2** |',
    [table(tr(th(p(text('a'))), th(p(text('b')))), tr(td(p(text('1'))), td(p(text('2', strong)))))],
  ],
  [
    'short table rows are padded and <br> is a hard break',
    '| a | b |\n|---|---|\n| 1<br>2 |',
    [table(tr(th(p(text('a'))), th(p(text('b')))), tr(td(p(text('1'), br(), text('2'))), td(p())))],
  ],
  ['raw HTML is kept as text', '<div>x</div>', [p(text('<div>x</div>'))]],
  ['link definitions alone produce nothing', '[r]: https://r.test', []],
];

describe('markdownToAdf', () => {
  it.each(cases)('%s', (_name, markdown, content) => {
    expect(markdownToAdf(markdown)).toEqual(doc(...content));
  });

  it.each(cases)('produces valid ADF: %s', (_name, markdown) => {
    expect(validateAdfDoc(markdownToAdf(markdown)).ok).toBe(true);
  });

  it('is deterministic across calls', () => {
    const markdown = '- [ ] a\n- [x] b\n\n| x |\n|---|\n| y |';
    expect(JSON.stringify(markdownToAdf(markdown))).toBe(JSON.stringify(markdownToAdf(markdown)));
  });
});
