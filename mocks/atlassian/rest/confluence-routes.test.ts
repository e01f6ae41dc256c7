import { describe, expect, it } from 'vitest';
import { testSite } from '../confluence/test-site.ts';
import { RestApi } from './router.ts';

const HOST = 'https://acme-conformance.atlassian.net';

function api() {
  const { store } = testSite();
  const rest = new RestApi(store);
  const as = (handle: string) => {
    const u = store.userByHandle(handle);
    if (!u) throw new Error(handle);
    return `Basic ${Buffer.from(`${u.email}:${u.apiToken}`).toString('base64')}`;
  };
  const call = async (handle: string, method: string, path: string, body?: unknown) => {
    const response = await rest.handle(
      new Request(`${HOST}${path}`, {
        method,
        headers: { authorization: as(handle), 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    );
    return {
      status: response.status,
      link: response.headers.get('link'),
      body: (await response.json()) as Record<string, unknown>,
    };
  };
  return { store, call };
}

const storage = (value: string) => ({ representation: 'storage', value });

describe('Confluence REST v2 routes', () => {
  it('lists spaces on the site host and on the gateway', async () => {
    const { store, call } = api();
    const site = await call('viewer', 'GET', '/wiki/api/v2/spaces');
    const gateway = await call('viewer', 'GET', `/ex/confluence/${store.site.cloudId}/wiki/api/v2/spaces`);
    expect(site.status).toBe(200);
    expect(gateway.body).toEqual(site.body);
    expect((site.body.results as { key: string }[]).map((s) => s.key)).toEqual(['ENG', 'HB', 'SBX', 'DOCS']);
  });

  it('pages a space with _links.next and a Link header', async () => {
    const { call } = api();
    const first = await call('viewer', 'GET', '/wiki/api/v2/spaces/65537/pages?limit=4');
    const next = (first.body._links as { next?: string }).next;
    expect(next).toMatch(/^\/wiki\/api\/v2\/spaces\/65537\/pages\?.*cursor=/);
    expect(first.link).toBe(`<${next}>; rel="next"`);
    const second = await call('viewer', 'GET', next ?? '');
    expect((second.body.results as unknown[]).length).toBe(2);
    expect(second.link).toBeNull();
  });

  it('creates (200), reads with body-format, updates with the next version (200) and refuses a stale one (409)', async () => {
    const { call } = api();
    const created = await call('member', 'POST', '/wiki/api/v2/pages', {
      spaceId: '65539',
      title: 'REST page',
      body: storage('<p>one</p>'),
    });
    expect(created.status).toBe(200);
    const id = String(created.body.id);
    expect(created.body.parentId).toBe('163841');
    const read = await call('viewer', 'GET', `/wiki/api/v2/pages/${id}?body-format=storage`);
    expect(read.body.body).toEqual({ storage: { representation: 'storage', value: '<p>one</p>' } });
    const update = {
      id,
      status: 'current',
      title: 'REST page',
      body: storage('<p>two</p>'),
      version: { number: 2 },
    };
    expect((await call('member', 'PUT', `/wiki/api/v2/pages/${id}`, update)).status).toBe(200);
    const stale = await call('admin', 'PUT', `/wiki/api/v2/pages/${id}`, update);
    expect(stale).toMatchObject({
      status: 409,
      body: {
        errors: [
          {
            status: 409,
            code: 'CONFLICT',
            title: 'Version must be incremented on update. Current version is: 2',
          },
        ],
      },
    });
    expect((await call('member', 'GET', `/wiki/api/v2/pages/${id}?body-format=pdf`)).status).toBe(400);
  });

  it('answers a hidden page exactly like a missing one', async () => {
    const { call } = api();
    const hidden = await call('outsider', 'GET', '/wiki/api/v2/pages/196610');
    const missing = await call('outsider', 'GET', '/wiki/api/v2/pages/424242');
    expect(hidden).toEqual(missing);
    expect(hidden.status).toBe(404);
    expect((await call('member', 'GET', '/wiki/api/v2/pages/196610')).status).toBe(200);
  });

  it('footer comments: 201 on create, replies under children, descendants of a page', async () => {
    const { call } = api();
    const top = await call('member', 'POST', '/wiki/api/v2/footer-comments', {
      pageId: '98305',
      body: storage('<p>Hi</p>'),
    });
    expect(top.status).toBe(201);
    const reply = await call('admin', 'POST', '/wiki/api/v2/footer-comments', {
      parentCommentId: top.body.id,
      body: storage('<p>Yo</p>'),
    });
    expect(reply.status).toBe(201);
    const children = await call(
      'viewer',
      'GET',
      `/wiki/api/v2/footer-comments/${String(top.body.id)}/children`,
    );
    expect((children.body.results as { id: string }[]).map((c) => c.id)).toEqual([reply.body.id]);
    const list = await call('viewer', 'GET', '/wiki/api/v2/pages/98305/footer-comments');
    expect((list.body.results as { id: string }[]).map((c) => c.id)).toEqual([top.body.id]);
    const tree = await call('viewer', 'GET', '/wiki/api/v2/pages/98305/descendants?depth=1');
    expect((tree.body.results as { id: string }[]).map((p) => p.id)).toEqual(['98306', '98308']);
  });
});

describe('Confluence REST v1 search', () => {
  it('runs CQL for the caller, and answers bad CQL with the v1 400', async () => {
    const { call } = api();
    const cql = encodeURIComponent('type = page AND text ~ "signing"');
    expect(
      ((await call('member', 'GET', `/wiki/rest/api/search?cql=${cql}`)).body.results as unknown[]).length,
    ).toBe(1);
    expect(
      ((await call('outsider', 'GET', `/wiki/rest/api/search?cql=${cql}`)).body.results as unknown[]).length,
    ).toBe(0);
    const bad = await call(
      'member',
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent('type = = page')}`,
    );
    expect(bad).toMatchObject({
      status: 400,
      body: { statusCode: 400, message: 'Could not parse cql : type = = page' },
    });
  });
});
