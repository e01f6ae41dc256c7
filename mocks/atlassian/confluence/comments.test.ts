import { describe, expect, it } from 'vitest';
import { adfToMarkdown, markdownToAdf } from '../../../lib/content/index.ts';
import type { AdfDoc } from '../../../lib/content/types.ts';
import {
  createComment,
  createCommentRecord,
  getComment,
  listCommentChildren,
  listPageComments,
} from './comments.ts';
import { failure, testSite } from './test-site.ts';

const adf = (markdown: string) => ({
  representation: 'atlas_doc_format',
  value: JSON.stringify(markdownToAdf(markdown)),
});

describe('footer comments', () => {
  it('lists the seeded comment of a page, body in the format asked', () => {
    const { store, actor } = testSite();
    const list = listPageComments(store, actor('viewer'), '98306', 'footer', { bodyFormat: 'storage' });
    expect(list.results).toHaveLength(1);
    expect(list.results[0]).toMatchObject({
      pageId: '98306',
      title: 'Re: Architecture Overview',
      body: { storage: { value: '<p>Should we add the search service?</p>' } },
      version: { number: 1, authorId: actor('member').accountId },
    });
  });

  it('adds a comment (201 shape) and a reply that lists under it, not on the page', () => {
    const { store, actor } = testSite();
    const top = createComment(store, actor('outsider'), 'footer', { pageId: '163841', body: adf('First!') });
    expect(top).toMatchObject({ pageId: '163841', title: 'Re: Conformance Sandbox Home' });
    const reply = createCommentRecord(store, actor('member'), 'footer', {
      parentCommentId: top.id,
      body: adf('Second.'),
    });
    expect(reply).toMatchObject({ pageId: '163841', parentCommentId: top.id });
    expect(listPageComments(store, actor('viewer'), '163841', 'footer').results.map((c) => c.id)).toEqual([
      top.id,
    ]);
    const children = listCommentChildren(store, actor('viewer'), top.id, 'footer', {
      bodyFormat: 'atlas_doc_format',
    });
    expect(children.results.map((c) => [c.id, c.parentCommentId])).toEqual([[reply.id, top.id]]);
    expect(
      adfToMarkdown(JSON.parse(String(children.results[0]?.body.atlas_doc_format?.value)) as AdfDoc),
    ).toBe('Second.');
  });

  it('the viewer may read but not comment; a hidden page is a 404 like a missing one', () => {
    const { store, actor } = testSite();
    expect(
      failure(() => createComment(store, actor('viewer'), 'footer', { pageId: '163841', body: adf('x') }))
        .status,
    ).toBe(404);
    const hidden = failure(() =>
      createComment(store, actor('outsider'), 'footer', { pageId: '196610', body: adf('x') }),
    );
    const missing = failure(() =>
      createComment(store, actor('outsider'), 'footer', { pageId: '1', body: adf('x') }),
    );
    expect(hidden).toEqual(missing);
    expect(failure(() => listPageComments(store, actor('outsider'), '196610', 'footer')).status).toBe(404);
  });

  it('needs an anchor, and a reply must be on the page it names', () => {
    const { store, actor } = testSite();
    expect(failure(() => createComment(store, actor('member'), 'footer', { body: adf('x') })).status).toBe(
      400,
    );
    const [seeded] = listPageComments(store, actor('member'), '98306', 'footer').results;
    expect(
      failure(() =>
        createComment(store, actor('member'), 'footer', {
          pageId: '98305',
          parentCommentId: seeded?.id,
          body: adf('x'),
        }),
      ).status,
    ).toBe(400);
    expect(
      failure(() => createComment(store, actor('member'), 'footer', { attachmentId: '5', body: adf('x') }))
        .status,
    ).toBe(404);
  });

  it('a footer comment is not an inline comment', () => {
    const { store, actor } = testSite();
    const [seeded] = listPageComments(store, actor('member'), '98306', 'footer').results;
    expect(getComment(store, actor('member'), seeded?.id ?? '', 'footer').id).toBe(seeded?.id);
    expect(failure(() => getComment(store, actor('member'), seeded?.id ?? '', 'inline')).status).toBe(404);
  });
});

describe('inline comments', () => {
  const selection = (
    textSelection: string,
    textSelectionMatchCount: number,
    textSelectionMatchIndex = 0,
  ) => ({
    textSelection,
    textSelectionMatchCount,
    textSelectionMatchIndex,
  });

  it('anchor on text that occurs on the page, with the right count and index', () => {
    const { store, actor } = testSite();
    const c = createComment(store, actor('member'), 'inline', {
      pageId: '98306',
      body: adf('Which metrics?'),
      inlineCommentProperties: selection('metrics', 1),
    });
    expect(c).toMatchObject({ resolutionStatus: 'open', properties: { inlineOriginalSelection: 'metrics' } });
    const open = listPageComments(store, actor('viewer'), '98306', 'inline', { resolutionStatus: ['open'] });
    expect(open.results.map((x) => x.id)).toEqual([c.id]);
    expect(
      listPageComments(store, actor('viewer'), '98306', 'inline', { resolutionStatus: ['resolved'] }).results,
    ).toEqual([]);
    expect(
      listPageComments(store, actor('viewer'), '98306', 'footer').results.map((x) => x.id),
    ).not.toContain(c.id);
  });

  it.each([
    ['text not on the page', selection('kubernetes', 1)],
    ['a wrong match count', selection('e', 1)],
    ['an index past the matches', selection('metrics', 1, 1)],
    ['no selection at all', undefined],
  ])('refuses %s with a 400', (_what, props) => {
    const { store, actor } = testSite();
    const f = failure(() =>
      createComment(store, actor('member'), 'inline', {
        pageId: '98306',
        body: adf('x'),
        inlineCommentProperties: props,
      }),
    );
    expect(f.status).toBe(400);
  });

  it('replies need no selection', () => {
    const { store, actor } = testSite();
    const top = createCommentRecord(store, actor('member'), 'inline', {
      pageId: '98306',
      body: adf('Top'),
      inlineCommentProperties: selection('checkout', 1),
    });
    const reply = createCommentRecord(store, actor('admin'), 'inline', {
      parentCommentId: top.id,
      body: adf('Reply'),
    });
    expect(listCommentChildren(store, actor('viewer'), top.id, 'inline').results.map((c) => c.id)).toEqual([
      reply.id,
    ]);
  });
});
