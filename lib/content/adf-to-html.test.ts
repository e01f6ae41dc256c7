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
  text,
  th,
  tr,
  ul,
} from './adf-builders.ts';
import { adfToHtml } from './adf-to-html.ts';
import type { AdfNode } from './types.ts';

const cases: [string, AdfNode[], string][] = [
  ['an empty document is an empty string', [], ''],
  [
    'blocks are written without whitespace between them',
    [h(1, text('T')), p(text('a'))],
    '<h1>T</h1><p>a</p>',
  ],
  ['text is escaped', [p(text('<a> & "b"'))], '<p>&lt;a&gt; &amp; "b"</p>'],
  [
    'marks nest in canonical order',
    [p(text('x', em, strong, link('https://x.test?a=1&b="2"')), text('c', codeMark), text('s', strike))],
    '<p><a href="https://x.test?a=1&amp;b=&quot;2&quot;"><strong><em>x</em></strong></a><code>c</code><s>s</s></p>',
  ],
  ['a link title is an attribute', [p(text('x', link('u', 'T')))], '<p><a href="u" title="T">x</a></p>'],
  ['hard breaks are self-closed', [p(text('a'), br(), text('b'))], '<p>a<br />b</p>'],
  [
    'list items write their first paragraph inline',
    [ul(li(p(text('a')), ol(2, li(p(text('b'))))), li(p()))],
    '<ul><li>a<ol start="2"><li>b</li></ol></li><li></li></ul>',
  ],
  ['an ordered list from 1 has no start', [ol(1, li(p(text('a'))))], '<ol><li>a</li></ol>'],
  [
    'code blocks carry their language as a class',
    [code('a < b', 'ts')],
    '<pre><code class="language-ts">a &lt; b</code></pre>',
  ],
  ['quotes and rules', [quote(p(text('q'))), rule()], '<blockquote><p>q</p></blockquote><hr />'],
  [
    'tables keep header and body cells',
    [table(tr(th(p(text('h')))), tr({ type: 'tableCell', attrs: { colspan: 2 }, content: [p(text('c'))] }))],
    '<table><tbody><tr><th><p>h</p></th></tr><tr><td colspan="2"><p>c</p></td></tr></tbody></table>',
  ],
  [
    'task lists use the storage-format elements',
    [tasks(1, task(1, 'DONE', text('a')), tasks(2, task(2, 'TODO', text('b'))))],
    '<ac:task-list><ac:task><ac:task-id>task-1</ac:task-id><ac:task-status>complete</ac:task-status><ac:task-body>a' +
      '<ac:task-list><ac:task><ac:task-id>task-2</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>b' +
      '</ac:task-body></ac:task></ac:task-list></ac:task-body></ac:task></ac:task-list>',
  ],
  [
    'panels are macros',
    [{ type: 'panel', attrs: { panelType: 'error' }, content: [p(text('x'))] }],
    '<ac:structured-macro ac:name="warning"><ac:rich-text-body><p>x</p></ac:rich-text-body></ac:structured-macro>',
  ],
  [
    'inline atoms render as readable text',
    [
      p(
        { type: 'mention', attrs: { id: 'u1', text: '@Ann' } },
        { type: 'emoji', attrs: { shortName: ':smile:', text: '😄' } },
        { type: 'status', attrs: { text: 'Done', color: 'green' } },
        { type: 'date', attrs: { timestamp: '1714521600000' } },
        { type: 'inlineCard', attrs: { url: 'https://c.test' } },
      ),
    ],
    '<p><span data-mention-id="u1">@Ann</span><span data-emoji-short-name=":smile:">😄</span>' +
      '<span data-status-color="green">DONE</span><time datetime="2024-05-01">2024-05-01</time>' +
      '<a href="https://c.test">https://c.test</a></p>',
  ],
  [
    'underline, colour and sub/superscript survive in HTML',
    [
      p(
        text('u', { type: 'underline' }),
        text('c', { type: 'textColor', attrs: { color: '#f00' } }),
        text('2', { type: 'subsup', attrs: { type: 'sup' } }),
      ),
    ],
    '<p><u>u</u><span style="color: #f00">c</span><sup>2</sup></p>',
  ],
  [
    'media is dropped',
    [{ type: 'mediaSingle', content: [{ type: 'media', attrs: { type: 'file', id: 'f' } }] }],
    '',
  ],
];

describe('adfToHtml', () => {
  it.each(cases)('%s', (_name, content, html) => {
    expect(adfToHtml(doc(...content))).toBe(html);
  });
});
