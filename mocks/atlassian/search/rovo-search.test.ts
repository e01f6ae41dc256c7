import { describe, expect, it } from 'vitest';
import { testSite } from '../confluence/test-site.ts';
import { fetchByAri, notFoundMessage, parseAri, rovoSearch } from './rovo-search.ts';

const CLOUD = '5c3f8a1e-7b2d-4e9a-9c61-2f0d8b4e7a13';

describe('ARIs', () => {
  it.each([
    [`ari:cloud:jira:${CLOUD}:issue/10001`, { product: 'jira', cloudId: CLOUD, type: 'issue', id: '10001' }],
    [
      `ari:cloud:confluence:${CLOUD}:page/98305`,
      { product: 'confluence', cloudId: CLOUD, type: 'page', id: '98305' },
    ],
  ])('parses %s', (ari, parts) => {
    expect(parseAri(ari)).toEqual(parts);
  });

  it.each([
    '',
    'DEMO-1',
    'ari:cloud:jira:x:page/1',
    `ari:cloud:confluence:${CLOUD}:issue/1`,
    `ari:cloud:jira:${CLOUD}:issue/abc`,
  ])('refuses %j', (ari) => {
    expect(parseAri(ari)).toBeUndefined();
  });
});

describe('Rovo search', () => {
  it('finds issues and pages by their words, with ARIs, titles, URLs and snippets', () => {
    const { store, actor } = testSite();
    const { results } = rovoSearch(store, actor('member'), 'runbook');
    const page = results.find((h) => h.id === `ari:cloud:confluence:${CLOUD}:page/98308`);
    expect(page).toMatchObject({
      type: 'page',
      title: 'Runbooks',
      url: 'https://acme-conformance.atlassian.net/wiki/spaces/ENG/pages/98308/Runbooks',
      container: { type: 'space', key: 'ENG' },
    });
    const { results: checkout } = rovoSearch(store, actor('member'), 'checkout redesign');
    expect(checkout[0]).toMatchObject({
      type: 'issue',
      title: 'DEMO-1: Checkout redesign',
      url: 'https://acme-conformance.atlassian.net/browse/DEMO-1',
    });
    expect(checkout[0]?.snippet.toLowerCase()).toContain('checkout');
  });

  it('needs every word, ranks title matches first', () => {
    const { store, actor } = testSite();
    const hits = rovoSearch(store, actor('member'), 'incident runbook').results.map((h) => h.title);
    expect(hits[0]).toBe('Incident Response Runbook');
    expect(rovoSearch(store, actor('member'), 'runbook zzzunknownzzz').results).toEqual([]);
    expect(rovoSearch(store, actor('member'), '  ').results).toEqual([]);
  });

  it('leaves out what the caller cannot see', () => {
    const { store, actor } = testSite();
    expect(rovoSearch(store, actor('member'), 'signing key').results.map((h) => h.title)).toEqual([
      'Signing Key Rotation Postmortem',
    ]);
    expect(rovoSearch(store, actor('outsider'), 'signing key').results).toEqual([]);
    const secIssues = (who: 'member' | 'outsider') =>
      rovoSearch(store, actor(who), 'SEC', { limit: 50 }).results.filter((h) => h.title.startsWith('SEC-'));
    expect(secIssues('outsider')).toEqual([]);
    expect(secIssues('member').length).toBeGreaterThan(0);
  });
});

describe('fetch by ARI', () => {
  it('returns the issue or page', () => {
    const { store, actor } = testSite();
    const issue = fetchByAri(store, actor('member'), `ari:cloud:jira:${CLOUD}:issue/10001`);
    expect(issue.kind === 'issue' && issue.issue.key).toBe('DEMO-1');
    const page = fetchByAri(store, actor('member'), `ari:cloud:confluence:${CLOUD}:page/98306`);
    expect(page.kind === 'page' && page.page.title).toBe('Architecture Overview');
  });

  it('refuses malformed ARIs and other sites, and answers hidden like missing', () => {
    const { store, actor } = testSite();
    const bad = fetchByAri(store, actor('member'), 'DEMO-1');
    expect(bad.kind === 'error' && bad.message).toMatch(/not a valid ARI/);
    const other = fetchByAri(
      store,
      actor('member'),
      'ari:cloud:jira:00000000-0000-4000-8000-000000000000:issue/10001',
    );
    expect(other.kind === 'error' && other.message).toMatch(/cannot access/);
    const hiddenAri = `ari:cloud:confluence:${CLOUD}:page/196610`;
    const missingAri = `ari:cloud:confluence:${CLOUD}:page/1`;
    expect(fetchByAri(store, actor('outsider'), hiddenAri)).toEqual({
      kind: 'error',
      message: notFoundMessage(hiddenAri),
    });
    expect(fetchByAri(store, actor('outsider'), missingAri)).toEqual({
      kind: 'error',
      message: notFoundMessage(missingAri),
    });
  });
});
