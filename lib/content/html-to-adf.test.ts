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
import { htmlToAdf } from './html-to-adf.ts';
import type { AdfNode } from './types.ts';

const cases: [string, string, AdfNode[]][] = [
  ['empty input is an empty document', '', []],
  ['paragraphs and headings map one to one', '<h2>T</h2><p>a</p>', [h(2, text('T')), p(text('a'))]],
  [
    'inline elements become marks',
    '<p><strong>s</strong><b>b</b> <em>e</em><i>i</i> <code>c</code> <s>x</s><del>d</del></p>',
    [
      p(
        text('sb', strong),
        text(' '),
        text('ei', em),
        text(' '),
        text('c', codeMark),
        text(' '),
        text('xd', strike),
      ),
    ],
  ],
  ['a link is a link mark', '<p><a href="https://x.test">x</a></p>', [p(text('x', link('https://x.test')))]],
  ['br is a hard break', '<p>a<br/>b</p>', [p(text('a'), br(), text('b'))]],
  ['text is unescaped', '<p>&lt;a&gt; &amp; &quot;</p>', [p(text('<a> & "'))]],
  ['source whitespace collapses', '<p>\n  a\n  b\n</p>\n\n<p>c</p>', [p(text('a b')), p(text('c'))]],
  [
    'lists nest, ordered lists keep their start',
    '<ul><li>a<ul><li>b</li></ul></li></ul><ol start="3"><li><p>c</p></li></ol>',
    [ul(li(p(text('a')), ul(li(p(text('b')))))), ol(3, li(p(text('c'))))],
  ],
  [
    'pre/code is a code block with the class language',
    '<pre><code class="language-py">print(1 &lt; 2)\n</code></pre>',
    [code('print(1 < 2)', 'py')],
  ],
  ['blockquote and hr map', '<blockquote><p>q</p></blockquote><hr/>', [quote(p(text('q'))), rule()]],
  [
    'a table with th has a header row',
    '<table><tbody><tr><th>h</th></tr><tr><td><p>a</p><p>b</p></td></tr></tbody></table>',
    [table(tr(th(p(text('h')))), tr(td(p(text('a')), p(text('b')))))],
  ],
  [
    'a table without th has only body rows',
    '<table><tr><td>a</td><td>b</td></tr></table>',
    [table(tr(td(p(text('a'))), td(p(text('b')))))],
  ],
  [
    'storage-format task lists become task lists',
    '<ac:task-list><ac:task><ac:task-id>7</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>do <b>it</b></ac:task-body></ac:task><ac:task><ac:task-status>incomplete</ac:task-status><ac:task-body>later</ac:task-body></ac:task></ac:task-list>',
    [tasks(1, task(1, 'DONE', text('do '), text('it', strong)), task(2, 'TODO', text('later')))],
  ],
  [
    'a code macro becomes a code block',
    '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[if (a < b) {}]]></ac:plain-text-body></ac:structured-macro>',
    [code('if (a < b) {}', 'js')],
  ],
  [
    'other macros keep their body, not their parameters',
    '<ac:structured-macro ac:name="info"><ac:parameter ac:name="title">T</ac:parameter><ac:rich-text-body><p>inside</p></ac:rich-text-body></ac:structured-macro>',
    [p(text('inside'))],
  ],
  [
    'unknown elements keep their text',
    '<custom-thing>keep <span>me</span></custom-thing>',
    [p(text('keep me'))],
  ],
  ['underline keeps its text without emphasis', '<p><u>u</u></p>', [p(text('u'))]],
  [
    'a self-closing storage date reads as its date',
    '<p>on <time datetime="2024-05-01" /> ok</p>',
    [p(text('on 2024-05-01 ok'))],
  ],
  [
    'images become links to their source',
    '<p><img src="https://i.test/a.png" alt="pic"/></p>',
    [p(text('pic', link('https://i.test/a.png')))],
  ],
  ['comments are dropped', '<p>a<!-- hidden -->b</p>', [p(text('ab'))]],
  ['scripts are dropped', '<script>alert(1)</script><p>a</p>', [p(text('a'))]],
];

describe('htmlToAdf', () => {
  it.each(cases)('%s', (_name, html, content) => {
    expect(htmlToAdf(html)).toEqual(doc(...content));
  });

  it.each(cases)('produces valid ADF: %s', (_name, html) => {
    expect(validateAdfDoc(htmlToAdf(html)).ok).toBe(true);
  });
});
