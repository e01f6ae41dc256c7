import { describe, expect, it } from 'vitest';
import { adfToHtml } from './adf-to-html.ts';
import { adfToMarkdown } from './adf-to-markdown.ts';
import { htmlToAdf } from './html-to-adf.ts';
import { markdownToAdf } from './markdown-to-adf.ts';

/** Representative Markdown, including the awkward corners ADF reshapes. */
const inputs: [string, string][] = [
  ['empty', ''],
  ['plain paragraph', 'Just text.'],
  ['headings 1-6', '# 1\n\n## 2\n\n### 3\n\n#### 4\n\n##### 5\n\n###### 6'],
  ['setext heading over two lines', 'Title\nsecond line\n==='],
  ['nested marks', 'a **b *c* d** e ***f*** ~~g **h**~~'],
  ['marks next to words and punctuation', '**a.**b and a**b**c and *x*y'],
  ['inline code, also inside links and bold', '`a` **`b`** [`c`](https://c.test) ``d ` e``'],
  ['links, titles, autolinks and e-mail', '[a](https://a.test "T") <https://b.test> www.c.test d@e.test'],
  [
    'images',
    '![alt](https://i.test/a.png) ![](https://i.test/b.png) [![x](https://i.test/c.png)](https://h.test)',
  ],
  ['reference links', '[a][1] [b]\n\n[1]: https://one.test\n[b]: https://two.test "Two"'],
  ['hard and soft breaks', 'a\\\nb  \nc\nd'],
  ['bullet lists with nesting', '- a\n- b\n  - c\n    - d\n- e'],
  ['ordered lists with start and a second list', '3. a\n4. b\n\n1) c'],
  ['loose list with two paragraphs in an item', '- a\n\n  b\n\n- c'],
  ['list item opening with a nested list', '- - - a'],
  ['empty list items', '-\n- x\n-'],
  ['task list with nesting and states', '- [ ] a\n- [x] b\n  - [ ] c\n  - plain under task'],
  ['list mixing tasks and bullets', '1. one\n2. [ ] two\n3. three'],
  ['task item with code and a quote', '- [ ] a\n  ```\n  x\n  y\n  ```\n  > q'],
  [
    'fenced code with language, empty fence, indented, fence inside',
    '```js\nlet a;\n```\n\n```\n```\n\n    ind\n\n````\n```\n````',
  ],
  ['blockquote with heading, rule and nested quote', '> q\n> # h\n>\n> ***\n>\n> > n'],
  ['task list and table inside a quote', '> - [x] done\n>\n> | a | b |\n> |---|---|\n> | 1 | 2 |'],
  ['thematic breaks', '***\n\n___\n\n---'],
  [
    'table with alignment, ragged rows, escapes and breaks',
    '| a | b |\n|:--|--:|\n| 1<br>2 | \\| |\n| **x** |\n| 1 | 2 | 3 |',
  ],
  ['table inside a list item', '- | a |\n  |---|\n  | b |'],
  ['raw HTML, block and inline', '<div>raw</div>\n\ntext <b>bold?</b> <br> after'],
  ['escaped markdown', '\\# no heading\n\n1\\. no list\n\n\\*no em\\* \\[no link](x)'],
  ['entities', '&amp; &copy; &#65; &lt;tag&gt;'],
  ['footnotes', 'Text[^n]\n\n[^n]: The note.'],
  ['unicode and emoji', 'Grüße — 日本語 😄'],
];

describe('Markdown round trip through ADF', () => {
  it.each(inputs)('markdownToAdf(adfToMarkdown(doc)) equals doc: %s', (_name, markdown) => {
    const doc = markdownToAdf(markdown);
    expect(markdownToAdf(adfToMarkdown(doc))).toEqual(doc);
  });

  it.each(inputs)('the Markdown rendering is stable after one trip: %s', (_name, markdown) => {
    const once = adfToMarkdown(markdownToAdf(markdown));
    expect(adfToMarkdown(markdownToAdf(once))).toBe(once);
  });
});

/** HTML collapses a soft line break (a newline inside ADF text) into a space, by design. */
const softBreaks = new Set(['setext heading over two lines', 'hard and soft breaks']);

describe('HTML round trip through ADF', () => {
  it.each(inputs.filter(([name]) => !softBreaks.has(name)))(
    'htmlToAdf(adfToHtml(doc)) equals doc: %s',
    (_name, markdown) => {
      const doc = markdownToAdf(markdown);
      expect(htmlToAdf(adfToHtml(doc))).toEqual(doc);
    },
  );
});
