import { expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { htmlToAdf, markdownToAdf } from '../../lib/content/index.ts';
import { resolveObject, trailingIssueKey } from './graph.ts';

/**
 * Input a client controls is parsed in linear time: each case below took minutes or hours through
 * a backtracking regex (a 4 MB objectIdentifier wedged every session of the mock). These run in
 * milliseconds now; before, the test could not finish.
 */
const MiB = 1 << 20;

it('the issue key at the end of a graph identifier is read in one pass, with the old rules', () => {
  expect(trailingIssueKey('DEMO-1')).toBe('DEMO-1');
  expect(trailingIssueKey('https://acme.atlassian.net/browse/DEMO-12/')).toBe('DEMO-12');
  expect(trailingIssueKey('see 1AB2-5')).toBe('AB2-5');
  expect(trailingIssueKey('12A-5')).toBeUndefined();
  expect(trailingIssueKey('DEMO-')).toBeUndefined();
  expect(trailingIssueKey('DEMO-1//')).toBeUndefined();
  expect(trailingIssueKey('demo-1')).toBeUndefined();

  const cloud = new FakeCloud();
  const member = cloud.store.userByHandle('member');
  const actor = { accountId: member?.accountId ?? null };
  for (const identifier of [
    `${'A'.repeat(4 * MiB)}!`,
    `${'A1'.repeat(2 * MiB)}-x`,
    `/browse/${'Z'.repeat(4 * MiB)}-`,
  ])
    expect(resolveObject(cloud.store, actor, identifier).kind).toBe('error');
  expect(resolveObject(cloud.store, actor, `${'x'.repeat(MiB)}/browse/DEMO-1`)).toMatchObject({
    kind: 'issue',
  });
});

it('storage-format HTML with unclosed CDATA sections and endless attributes converts at once', () => {
  expect(htmlToAdf('<p>a<![CDATA[<b>x</b>]]><time datetime="2026-01-01" />b</p>')).toMatchObject({
    type: 'doc',
  });
  expect(htmlToAdf(`<p>${'<![CDATA['.repeat(MiB / 9)}</p>`)).toMatchObject({ type: 'doc' });
  expect(htmlToAdf(`<p><a${' '.repeat(MiB)}x</p>`)).toMatchObject({ type: 'doc' });
});

it('blanks before a hard break are trimmed in one pass', () => {
  const doc = markdownToAdf(`a${' \t'.repeat(MiB / 2)}x\\\nb`);
  expect(doc.content[0]).toMatchObject({ type: 'paragraph' });
  const html = htmlToAdf(`<p>a${' '.repeat(MiB)}x<br/>b</p>`);
  expect(html.content[0]?.content?.[0]).toMatchObject({
    type: 'text',
    text: expect.stringMatching(/^a +x$/) as unknown,
  });
});
