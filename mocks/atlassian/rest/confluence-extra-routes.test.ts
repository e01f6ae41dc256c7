import { describe, expect, it } from 'vitest';
import { prepareWikiDownload, prepareWikiUpload } from '../confluence/attachments.ts';
import { restSite } from './test-rest.ts';

const V2 = '/wiki/api/v2';
const V1 = '/wiki/rest/api';
const storage = (value: string) => ({ representation: 'storage', value });

describe('Confluence v2 routes for the v2 operations', () => {
  it('creates and reads folders, whiteboards, databases and blog posts', async () => {
    const { call } = restSite();
    for (const type of ['folders', 'whiteboards', 'databases']) {
      const created = await call('member', 'POST', `${V2}/${type}`, {
        spaceId: '65541',
        title: `New ${type}`,
      });
      expect(created).toMatchObject({ status: 200, body: { type: type.slice(0, -1), title: `New ${type}` } });
      const id = (created.body as { id: string }).id;
      expect((await call('viewer', 'GET', `${V2}/${type}/${id}`)).status).toBe(200);
    }
    expect((await call('viewer', 'GET', `${V2}/folders/229382`)).status).toBe(404);
    const post = await call('member', 'POST', `${V2}/blogposts`, {
      spaceId: '65541',
      title: 'News',
      body: storage('<p>n</p>'),
    });
    expect(post).toMatchObject({ status: 200, body: { type: 'blogpost' } });
    expect((await call('viewer', 'GET', `${V2}/blogposts/229384?body-format=storage`)).body).toMatchObject({
      body: { storage: { representation: 'storage' } },
    });
    expect((await call('viewer', 'GET', `${V2}/spaces/65541/blogposts`)).body).toMatchObject({
      results: [{}, {}],
    });
  });

  it('walks the tree of any type, paged with a Link header', async () => {
    const { call } = restSite();
    expect((await call('viewer', 'GET', `${V2}/pages/229381/ancestors`)).body).toMatchObject({
      results: [{ id: '229380', type: 'folder' }],
    });
    const children = await call('viewer', 'GET', `${V2}/folders/229380/direct-children?limit=1`);
    expect(children.body).toMatchObject({ results: [{ id: '229381', type: 'page' }] });
    expect(children.headers.get('link')).toMatch(/rel="next"$/);
    expect((await call('viewer', 'GET', `${V2}/folders/229380/descendants?depth=1`)).body).toMatchObject({
      results: [{ id: '229381' }, { id: '229382' }],
    });
    expect((await call('viewer', 'GET', `${V2}/pages/229377/direct-children`)).body).toMatchObject({
      results: [{ id: '229378' }, { id: '229379' }, { id: '229383', type: 'database' }],
    });
    expect((await call('viewer', 'GET', `${V2}/whiteboards/229380/ancestors`)).status).toBe(404);
  });

  it('serves versions, labels, attachments, comment edits and tasks', async () => {
    const { call, store } = restSite();
    expect((await call('viewer', 'GET', `${V2}/pages/229378/versions?limit=2`)).body).toMatchObject({
      results: [{ number: 3 }, { number: 2 }],
    });
    expect(
      (await call('viewer', 'GET', `${V2}/pages/229378/versions/1?body-format=storage`)).body,
    ).toMatchObject({
      number: 1,
      body: { storage: {} },
    });
    expect((await call('viewer', 'GET', `${V2}/pages/229378/labels`)).body).toMatchObject({
      results: [{ name: 'guide' }, { name: 'checkout' }],
    });
    expect((await call('viewer', 'GET', `${V2}/pages/229378/attachments`)).body).toMatchObject({
      results: [{ id: 'att400001' }],
    });
    expect((await call('viewer', 'GET', `${V2}/attachments/att400002`)).body).toMatchObject({
      title: 'release-calendar.csv',
    });
    const footer = [...store.contentComments.values()].find(
      (c) => c.pageId === '229378' && c.kind === 'footer',
    );
    const edited = await call('outsider', 'PUT', `${V2}/footer-comments/${footer?.id ?? ''}`, {
      version: { number: 2 },
      body: storage('<p>Screenshots please</p>'),
    });
    expect(edited).toMatchObject({ status: 200, body: { version: { number: 2 } } });
    const inline = [...store.contentComments.values()].find(
      (c) => c.kind === 'inline' && c.parentCommentId === null,
    );
    expect(
      (
        await call('member', 'PUT', `${V2}/inline-comments/${inline?.id ?? ''}`, {
          version: { number: 2 },
          body: storage('<p>?</p>'),
          resolved: true,
        })
      ).body,
    ).toMatchObject({ resolutionStatus: 'resolved' });
    const tasks = (await call('viewer', 'GET', `${V2}/tasks?status=incomplete&page-id=98310`)).body as {
      results: { id: string }[];
    };
    expect(tasks.results).toHaveLength(2);
    const id = tasks.results[0]?.id ?? '';
    expect((await call('member', 'PUT', `${V2}/tasks/${id}`, { status: 'complete' })).body).toMatchObject({
      status: 'complete',
    });
    expect((await call('viewer', 'GET', `${V2}/tasks/${id}`)).body).toMatchObject({ status: 'complete' });
    expect((await call('member', 'PUT', `${V2}/tasks/${id}`, { status: 'done' })).status).toBe(400);
    expect((await call('viewer', 'GET', `${V2}/tasks?status=done`)).status).toBe(400);
  });
});

describe('Confluence v1 routes for the v2 operations', () => {
  it('lists and removes labels, restores versions, and manages restrictions', async () => {
    const { call, actor } = restSite();
    expect((await call('viewer', 'GET', `${V1}/content/229378/label`)).body).toMatchObject({ size: 2 });
    expect((await call('member', 'DELETE', `${V1}/content/229378/label/guide`)).status).toBe(204);
    expect((await call('member', 'DELETE', `${V1}/content/229378/label?name=checkout`)).status).toBe(204);
    expect((await call('member', 'DELETE', `${V1}/content/229378/label/guide`)).status).toBe(404);
    const restored = await call('member', 'POST', `${V1}/content/229378/version`, {
      operationKey: 'restore',
      params: { versionNumber: 1, message: 'Undo', restoreTitle: true },
    });
    expect(restored).toMatchObject({ status: 200, body: { number: 4, message: 'Undo' } });
    expect(
      (await call('member', 'POST', `${V1}/content/229378/version`, { operationKey: 'delete' })).status,
    ).toBe(400);
    expect((await call('admin', 'GET', `${V1}/content/163842/restriction`)).body).toMatchObject({
      results: [{ operation: 'read' }, { operation: 'update' }],
    });
    const me = actor('member').accountId ?? '';
    const viewer = actor('viewer').accountId ?? '';
    const add = [{ operation: 'update', restrictions: { user: [{ accountId: me }, { accountId: viewer }] } }];
    expect((await call('member', 'POST', `${V1}/content/229379/restriction`, add)).status).toBe(200);
    const removed = await call(
      'member',
      'DELETE',
      `${V1}/content/229379/restriction/byOperation/update/user?accountId=${viewer}`,
    );
    expect(removed.body).toMatchObject({ results: [{}, { restrictions: { user: { size: 1 } } }] });
    expect(
      (
        await call('member', 'PUT', `${V1}/content/229379/restriction`, [
          { operation: 'read', restrictions: { group: [{ name: 'site-admins' }] } },
        ])
      ).status,
    ).toBe(400);
    expect((await call('member', 'PUT', `${V1}/content/229379/restriction`, [])).status).toBe(200);
    expect(
      (await call('member', 'DELETE', `${V1}/content/229379/restriction/byOperation/read/group/x`)).status,
    ).toBe(200);
  });

  it('watches, archives through a finished long task, copies and moves', async () => {
    const { call } = restSite();
    expect((await call('viewer', 'POST', `${V1}/user/watch/content/229378`)).status).toBe(204);
    expect((await call('viewer', 'GET', `${V1}/user/watch/content/229378`)).body).toEqual({ watching: true });
    expect((await call('viewer', 'DELETE', `${V1}/user/watch/space/DOCS`)).status).toBe(204);
    expect((await call('viewer', 'GET', `${V1}/user/watch/label/adr`)).body).toEqual({ watching: false });
    const archived = await call('member', 'POST', `${V1}/content/archive`, { pages: [{ id: 229379 }] });
    expect(archived).toMatchObject({
      status: 202,
      body: { id: '1', links: { status: '/wiki/rest/api/longtask/1' } },
    });
    expect((await call('member', 'GET', `${V1}/longtask/1`)).body).toMatchObject({
      finished: true,
      successful: true,
    });
    expect((await call('member', 'GET', `${V1}/longtask/2`)).status).toBe(404);
    expect((await call('member', 'POST', `${V1}/content/archive`, { pages: [] })).status).toBe(400);
    const copy = await call('member', 'POST', `${V1}/content/229378/copy`, {
      destination: { type: 'space', value: '65539' },
    });
    expect(copy).toMatchObject({ status: 200, body: { title: 'Checkout Guide', spaceId: '65539' } });
    expect((await call('member', 'PUT', `${V1}/content/229378/move/append/229380`)).body).toEqual({
      pageId: '229378',
    });
  });

  it('downloads and uploads attachments through transfer tickets', async () => {
    const { call, send, store, actor } = restSite();
    const { downloadUrl } = prepareWikiDownload(store, actor('viewer'), 'att400001');
    expect(await call(null, 'GET', downloadUrl)).toMatchObject({
      status: 200,
      body: 'cart -> payment -> receipt\n',
    });
    const bad = await call(
      null,
      'GET',
      downloadUrl.replace('att400001/download', 'att400002/download').replace('229378', '229379'),
    );
    expect(bad).toMatchObject({ status: 403, body: { errors: [{ code: 'FORBIDDEN' }] } });
    const { uploadUrl } = prepareWikiUpload(store, actor('member'), '229379');
    const form = new FormData();
    form.append('file', new Blob(['a,b\n'], { type: 'text/csv' }), 'extra.csv');
    const done = await send(
      new Request(uploadUrl, { method: 'POST', headers: { 'x-atlassian-token': 'no-check' }, body: form }),
    );
    expect(done).toMatchObject({
      status: 200,
      body: { size: 1, results: [{ title: 'extra.csv', fileSize: 4 }] },
    });
    const noHeader = await send(new Request(uploadUrl, { method: 'POST', body: new FormData() }));
    expect(noHeader).toMatchObject({ status: 403, body: { errors: [{ code: 'FORBIDDEN' }] } });
  });

  it('lists the spaces a caller may view with numeric ids and offset paging (v1 GET /space)', async () => {
    const { call } = restSite();
    const admin = await call('admin', 'GET', `${V1}/space?limit=2`);
    const page = admin.body as {
      results: { id: unknown; key: string }[];
      size: number;
      _links: { next?: string };
    };
    expect(admin.status).toBe(200);
    expect(page.size).toBe(2);
    expect(typeof page.results[0]?.id).toBe('number');
    expect(page._links.next).toBe('/rest/api/space?start=2&limit=2');
    const all = (await call('admin', 'GET', `${V1}/space`)).body as typeof page;
    const open = (await call('outsider', 'GET', `${V1}/space`)).body as typeof page;
    expect(open.results.length).toBeLessThan(all.results.length);
    const one = (await call('admin', 'GET', `${V1}/space?spaceKey=${all.results[0]?.key ?? ''}`))
      .body as typeof page;
    expect(one.results.map((s) => s.key)).toEqual([all.results[0]?.key]);
  });
});
