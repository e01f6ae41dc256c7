import { describe, expect, it } from 'vitest';
import { markdownToAdf } from '../../../lib/content/index.ts';
import { createCommentRecord } from './comments.ts';
import { createPageRecord } from './pages.ts';
import { searchContent } from './search.ts';
import { failure, testSite } from './test-site.ts';

const adf = (markdown: string) => ({
  representation: 'atlas_doc_format',
  value: JSON.stringify(markdownToAdf(markdown)),
});

describe('CQL search (v1)', () => {
  const ids = (result: ReturnType<typeof searchContent>) => result.results.map((r) => r.content.id).sort();

  it('answers the v1 shape', () => {
    const { store, actor } = testSite();
    const result = searchContent(store, actor('viewer'), {
      cql: 'type = page AND title ~ "Deploy Checklist"',
    });
    expect(result).toMatchObject({
      start: 0,
      limit: 25,
      size: 1,
      totalSize: 1,
      cqlQuery: 'type = page AND title ~ "Deploy Checklist"',
    });
    expect(result.results[0]).toMatchObject({
      content: { id: '98310', type: 'page', title: 'Deploy Checklist', space: { key: 'ENG' } },
      title: 'Deploy Checklist',
      url: '/spaces/ENG/pages/98310/Deploy+Checklist',
      resultGlobalContainer: { title: 'Engineering', displayUrl: '/spaces/ENG' },
      entityType: 'content',
    });
    expect(result.results[0]?.excerpt).toContain('tests green');
  });

  it('filters by type, space, title ~ and text ~', () => {
    const { store, actor } = testSite();
    expect(ids(searchContent(store, actor('viewer'), { cql: 'space = HB AND type = page' }))).toEqual([
      '131073',
      '131074',
      '131075',
    ]);
    expect(ids(searchContent(store, actor('viewer'), { cql: 'type = page AND text ~ "metrics"' }))).toEqual([
      '98306',
    ]);
    expect(
      ids(searchContent(store, actor('viewer'), { cql: 'type = comment AND space = ENG' })),
    ).toHaveLength(1);
  });

  it('never shows content of a space the caller cannot view', () => {
    const { store, actor } = testSite();
    expect(ids(searchContent(store, actor('member'), { cql: 'text ~ "signing key"' }))).toEqual(['196610']);
    expect(ids(searchContent(store, actor('outsider'), { cql: 'text ~ "signing key"' }))).toEqual([]);
    expect(ids(searchContent(store, actor('outsider'), { cql: 'space = SEC' }))).toEqual([]);
  });

  it('finds new pages and their comments at once, typed apart', () => {
    const { store, actor } = testSite();
    const page = createPageRecord(store, actor('member'), {
      spaceId: '65539',
      title: 'Zebra notes',
      body: adf('about quagga'),
    });
    const comment = createCommentRecord(store, actor('member'), 'footer', {
      pageId: page.id,
      body: adf('more quagga'),
    });
    expect(ids(searchContent(store, actor('viewer'), { cql: 'text ~ quagga' }))).toEqual(
      [page.id, comment.id].sort(),
    );
    expect(ids(searchContent(store, actor('viewer'), { cql: 'type = page AND text ~ quagga' }))).toEqual([
      page.id,
    ]);
  });

  it('pages with start, or with the cursor in _links.next', () => {
    const { store, actor } = testSite();
    const cql = 'space = ENG AND type = page ORDER BY title';
    const first = searchContent(store, actor('viewer'), { cql, limit: 4 });
    expect(first.size).toBe(4);
    expect(first.totalSize).toBe(6);
    const cursor =
      new URL(first._links.next ?? '', 'https://x.invalid').searchParams.get('cursor') ?? undefined;
    const second = searchContent(store, actor('viewer'), { cql, limit: 4, cursor });
    expect(second.results.map((r) => r.content.id)).toEqual(
      searchContent(store, actor('viewer'), { cql, limit: 4, start: 4 }).results.map((r) => r.content.id),
    );
    expect(second._links.next).toBeUndefined();
    expect([...first.results, ...second.results].map((r) => r.title)).toEqual([
      'Architecture Overview',
      'Deploy Checklist',
      'Engineering Home',
      'Incident Response Runbook',
      'Runbooks',
      'Service Catalogue',
    ]);
  });

  it('answers CQL it cannot run with the v1 400', () => {
    const { store, actor } = testSite();
    expect(failure(() => searchContent(store, actor('viewer'), { cql: 'type = = page' }))).toEqual({
      status: 400,
      body: {
        statusCode: 400,
        data: { authorized: true, valid: false, errors: [], successful: false },
        message: 'Could not parse cql : type = = page',
      },
    });
    expect(failure(() => searchContent(store, actor('viewer'), { cql: undefined })).status).toBe(400);
    expect(
      failure(() => searchContent(store, actor('viewer'), { cql: 'type = page', cursor: 'nope' })).status,
    ).toBe(400);
  });
});
