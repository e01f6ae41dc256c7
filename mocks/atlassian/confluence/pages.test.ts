import { describe, expect, it } from 'vitest';
import { adfToMarkdown, markdownToAdf } from '../../../lib/content/index.ts';
import { cursorOf } from './paging.ts';
import {
  createPage,
  createPageRecord,
  DUPLICATE_TITLE,
  getPage,
  listDescendants,
  listPagesInSpace,
  updatePage,
  updatePageRecord,
} from './pages.ts';
import { failure, testSite, v2Title } from './test-site.ts';

const adf = (markdown: string) => ({
  representation: 'atlas_doc_format',
  value: JSON.stringify(markdownToAdf(markdown)),
});

describe('create', () => {
  it('answers the page at version 1, under the space homepage when no parent is given', () => {
    const { store, actor } = testSite();
    const page = createPage(store, actor('member'), {
      spaceId: '65539',
      title: 'New page',
      body: adf('Hello **there**'),
    });
    expect(page).toMatchObject({
      title: 'New page',
      status: 'current',
      spaceId: '65539',
      parentId: '163841',
      parentType: 'page',
      version: { number: 1 },
      _links: { webui: `/spaces/SBX/pages/${page.id}/New+page` },
    });
    const stored = store.pages.get(page.id);
    expect(stored && adfToMarkdown(stored.body)).toBe('Hello **there**');
    expect(JSON.parse(String(page.body.atlas_doc_format?.value))).toEqual(markdownToAdf('Hello **there**'));
  });

  it('takes storage XHTML and answers in it', () => {
    const { store, actor } = testSite();
    const page = createPage(store, actor('member'), {
      spaceId: '65539',
      title: 'Storage page',
      body: { representation: 'storage', value: '<h2>Plan</h2><p>Ship <strong>now</strong>.</p>' },
    });
    expect(page.body.storage?.value).toBe('<h2>Plan</h2><p>Ship <strong>now</strong>.</p>');
    const stored = store.pages.get(page.id);
    expect(stored && adfToMarkdown(stored.body)).toBe('## Plan\n\nShip **now**.');
  });

  it('puts a page under the given parent, and at the root with root-level', () => {
    const { store, actor } = testSite();
    const child = createPageRecord(store, actor('member'), {
      spaceId: '65537',
      title: 'Child',
      parentId: '98308',
      body: adf('x'),
    });
    expect(child.parentId).toBe('98308');
    const root = createPageRecord(
      store,
      actor('member'),
      { spaceId: '65537', title: 'Top', body: adf('x') },
      { rootLevel: true },
    );
    expect(root.parentId).toBeNull();
  });

  it('refuses a parent from another space', () => {
    const { store, actor } = testSite();
    const f = failure(() =>
      createPage(store, actor('member'), { spaceId: '65539', title: 'X', parentId: '98305', body: adf('x') }),
    );
    expect(f.status).toBe(400);
  });

  it('refuses a duplicate title in the space with the exact v2 body, whatever the case', () => {
    const { store, actor } = testSite();
    const f = failure(() =>
      createPage(store, actor('member'), { spaceId: '65537', title: 'runbooks', body: adf('x') }),
    );
    expect(f).toEqual({
      status: 400,
      body: { errors: [{ status: 400, code: 'BAD_REQUEST', title: DUPLICATE_TITLE, detail: null }] },
    });
    // Another space may reuse it.
    expect(
      createPage(store, actor('member'), { spaceId: '65539', title: 'Runbooks', body: adf('x') }).title,
    ).toBe('Runbooks');
  });

  it('archived pages keep their title; drafts need none', () => {
    const { store, actor } = testSite();
    const old = store.pages.get('98310');
    if (old) old.status = 'archived';
    expect(
      failure(() =>
        createPage(store, actor('member'), { spaceId: '65537', title: 'Deploy Checklist', body: adf('x') }),
      ).status,
    ).toBe(400);
    const draft = createPageRecord(store, actor('member'), {
      spaceId: '65537',
      status: 'draft',
      body: adf('x'),
    });
    expect(draft.title).toBe('');
    expect(
      failure(() => createPage(store, actor('member'), { spaceId: '65537', body: adf('x') })).status,
    ).toBe(400);
  });

  it('a viewer cannot create (404), and a hidden space answers like a missing one', () => {
    const { store, actor } = testSite();
    const viewer = failure(() =>
      createPage(store, actor('viewer'), { spaceId: '65539', title: 'No', body: adf('x') }),
    );
    expect(viewer.status).toBe(404);
    const hidden = failure(() =>
      createPage(store, actor('outsider'), { spaceId: '65540', title: 'No', body: adf('x') }),
    );
    const missing = failure(() =>
      createPage(store, actor('outsider'), { spaceId: '99999', title: 'No', body: adf('x') }),
    );
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
  });

  it('rejects bodies that are not what their representation says', () => {
    const { store, actor } = testSite();
    const bad = (body: unknown) =>
      failure(() => createPage(store, actor('member'), { spaceId: '65539', title: 'B', body })).status;
    expect(bad({ representation: 'atlas_doc_format', value: '{not json' })).toBe(400);
    expect(bad({ representation: 'atlas_doc_format', value: '{"type":"paragraph"}' })).toBe(400);
    expect(bad({ representation: 'pdf', value: 'x' })).toBe(400);
  });
});

describe('update', () => {
  const body = (n: number, title = 'Runbooks') => ({
    id: '98308',
    status: 'current',
    title,
    body: adf(`v${n}`),
    version: { number: n },
  });

  it('needs version.number = current + 1, else the v2 409 naming the current version', () => {
    const { store, actor } = testSite();
    const f = failure(() => updatePage(store, actor('member'), '98308', body(1)));
    expect(f.status).toBe(409);
    expect(v2Title(f.body)).toBe('Version must be incremented on update. Current version is: 1');
    expect(failure(() => updatePage(store, actor('member'), '98308', body(3))).status).toBe(409);
    const page = updatePage(store, actor('member'), '98308', {
      ...body(2),
      version: { number: 2, message: 'second' },
    });
    expect(page.version).toMatchObject({ number: 2, message: 'second' });
    expect(failure(() => updatePage(store, actor('admin'), '98308', body(2))).status).toBe(409);
    expect(updatePage(store, actor('admin'), '98308', body(3)).version.number).toBe(3);
  });

  it('replaces the whole body and the title', () => {
    const { store, actor } = testSite();
    updatePageRecord(store, actor('member'), '98308', body(2, 'Runbooks (renamed)'));
    const page = getPage(store, actor('member'), '98308', 'atlas_doc_format');
    expect(page.title).toBe('Runbooks (renamed)');
    expect(JSON.parse(String(page.body.atlas_doc_format?.value))).toEqual(markdownToAdf('v2'));
  });

  it('refuses a title another page of the space holds, but keeps its own', () => {
    const { store, actor } = testSite();
    expect(
      failure(() => updatePage(store, actor('member'), '98308', body(2, 'Deploy Checklist'))).status,
    ).toBe(400);
    expect(updatePage(store, actor('member'), '98308', body(2, 'RUNBOOKS')).title).toBe('RUNBOOKS');
  });

  it('is forbidden to the viewer and a 404 for whoever cannot see the page', () => {
    const { store, actor } = testSite();
    expect(failure(() => updatePage(store, actor('viewer'), '98308', body(2))).status).toBe(403);
    expect(
      failure(() => updatePage(store, actor('outsider'), '196610', { ...body(2), id: '196610' })).status,
    ).toBe(404);
  });

  it('refuses moving a page under its own descendant', () => {
    const { store, actor } = testSite();
    expect(
      failure(() => updatePage(store, actor('member'), '98308', { ...body(2), parentId: '98309' })).status,
    ).toBe(400);
  });

  it('requires the body fields v2 requires', () => {
    const { store, actor } = testSite();
    expect(
      failure(() => updatePage(store, actor('member'), '98308', { id: '98308', title: 'x', body: adf('x') }))
        .status,
    ).toBe(400);
  });
});

describe('lists', () => {
  it('pages of a space: cursor paging without repeats, _links.next until the end', () => {
    const { store, actor } = testSite();
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const page = listPagesInSpace(store, actor('viewer'), '65537', { limit: 2, cursor });
      seen.push(...page.results.map((p) => p.id));
      cursor = cursorOf(page._links.next);
      calls += 1;
    } while (cursor);
    expect(calls).toBe(3);
    expect(seen).toEqual(['98305', '98306', '98307', '98308', '98309', '98310']);
  });

  it('bodies only when asked, and the list filters by title', () => {
    const { store, actor } = testSite();
    const plain = listPagesInSpace(store, actor('viewer'), '65537', { title: 'Runbooks' });
    expect(plain.results.map((p) => [p.id, p.body])).toEqual([['98308', {}]]);
    const withBody = listPagesInSpace(store, actor('viewer'), '65537', {
      title: 'Runbooks',
      bodyFormat: 'storage',
    });
    expect(withBody.results[0]?.body).toEqual({
      storage: { representation: 'storage', value: '<p>Operational runbooks for on-call engineers.</p>' },
    });
  });

  it('refuses a cursor from another list, and a bad limit', () => {
    const { store, actor } = testSite();
    const first = listPagesInSpace(store, actor('viewer'), '65537', { limit: 2 });
    const foreign = cursorOf(first._links.next);
    expect(failure(() => listPagesInSpace(store, actor('viewer'), '65538', { cursor: foreign })).status).toBe(
      400,
    );
    expect(
      failure(() => listPagesInSpace(store, actor('viewer'), '65537', { cursor: 'garbage' })).status,
    ).toBe(400);
    expect(failure(() => listPagesInSpace(store, actor('viewer'), '65537', { limit: 0 })).status).toBe(400);
    expect(listPagesInSpace(store, actor('viewer'), '65537', { limit: 1000 }).results).toHaveLength(6);
  });

  it('descendants: the whole tree below a page, depth first, with parents and depths', () => {
    const { store, actor } = testSite();
    const tree = listDescendants(store, actor('viewer'), '98305');
    expect(tree.results.map((d) => [d.id, d.parentId, d.depth])).toEqual([
      ['98306', '98305', 1],
      ['98307', '98306', 2],
      ['98308', '98305', 1],
      ['98309', '98308', 2],
      ['98310', '98308', 2],
    ]);
    expect(listDescendants(store, actor('viewer'), '98305', { depth: 1 }).results.map((d) => d.id)).toEqual([
      '98306',
      '98308',
    ]);
    expect(failure(() => listDescendants(store, actor('viewer'), '98305', { depth: 6 })).status).toBe(400);
  });
});
