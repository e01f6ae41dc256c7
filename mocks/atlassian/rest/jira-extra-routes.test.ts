import { describe, expect, it } from 'vitest';
import { prepareAttachmentDownload, prepareAttachmentUpload } from '../jira/attachments.ts';
import { HOST, restSite } from './test-rest.ts';

const J = '/rest/api/3';

describe('Jira REST routes for the v2 operations', () => {
  it('serves GET /project with the browsable projects by key, issue types on expand', async () => {
    const { call } = restSite();
    const viewer = await call('viewer', 'GET', `${J}/project`);
    expect((viewer.body as { key: string }[]).map((p) => p.key)).toEqual(['DEMO', 'OPS', 'SBX']);
    const expanded = await call('member', 'GET', `${J}/project?expand=issueTypes`);
    expect((expanded.body as { issueTypes?: unknown[] }[])[0]?.issueTypes).toHaveLength(5);
    expect(await call(null, 'GET', `${J}/project`)).toMatchObject({ status: 200, body: [] });
  });

  it('adds the transitions the caller may make to GET /issue/{key} under expand=transitions, as Jira Cloud does', async () => {
    const { call } = restSite();
    const plain = await call('member', 'GET', `${J}/issue/SBX-1`);
    expect(plain.body).not.toHaveProperty('transitions');
    const expanded = await call('member', 'GET', `${J}/issue/SBX-1?expand=transitions`);
    const transitions = (expanded.body as { transitions?: { id: string; to: { name: string } }[] })
      .transitions;
    expect(transitions?.length).toBeGreaterThan(0);
    expect(transitions?.[0]?.to.name).toMatch(/\S/);
    const viewer = await call('viewer', 'GET', `${J}/issue/SBX-1?expand=transitions`);
    expect(viewer.body).toMatchObject({ transitions: [] });
  });

  it('serves versions, related work and counts, with 201 and 204 where Jira answers them', async () => {
    const { call } = restSite();
    expect((await call('viewer', 'GET', `${J}/project/DEMO/versions`)).body).toHaveLength(3);
    const paged = await call('viewer', 'GET', `${J}/project/DEMO/version?status=unreleased&orderBy=-name`);
    expect(paged.body).toMatchObject({ total: 1, values: [{ name: '1.1' }] });
    const created = await call('admin', 'POST', `${J}/version`, { project: 'SBX', name: 'REST 1' });
    expect(created).toMatchObject({ status: 201, body: { name: 'REST 1' } });
    const id = (created.body as { id: string }).id;
    expect((await call('admin', 'PUT', `${J}/version/${id}`, { released: true })).body).toMatchObject({
      released: true,
    });
    expect((await call('viewer', 'GET', `${J}/version/10002?expand=issuesstatus`)).body).toMatchObject({
      issuesStatusForFixVersion: { toDo: 1, inProgress: 1 },
    });
    expect((await call('viewer', 'GET', `${J}/version/10002/relatedIssueCounts`)).body).toMatchObject({
      issuesFixedCount: 2,
    });
    expect((await call('viewer', 'GET', `${J}/version/10002/unresolvedIssueCount`)).body).toMatchObject({
      issuesCount: 2,
    });
    const work = await call('member', 'POST', `${J}/version/10002/relatedwork`, {
      category: 'Design',
      url: 'https://x.example/d',
    });
    expect(work.status).toBe(201);
    const workId = (work.body as { relatedWorkId: string }).relatedWorkId;
    expect(
      (await call('member', 'PUT', `${J}/version/10002/relatedwork`, { relatedWorkId: workId, title: 'D' }))
        .body,
    ).toMatchObject({
      title: 'D',
    });
    expect((await call('member', 'GET', `${J}/version/10002/relatedwork`)).body).toHaveLength(2);
    expect((await call('member', 'DELETE', `${J}/version/10002/relatedwork/${workId}`)).status).toBe(204);
    expect((await call('member', 'POST', `${J}/version`, { project: 'SBX', name: 'x' })).status).toBe(403);
  });

  it('serves components, statuses, users and assignable users', async () => {
    const { call, actor } = restSite();
    expect((await call('viewer', 'GET', `${J}/project/DEMO/components`)).body).toHaveLength(2);
    expect((await call('viewer', 'GET', `${J}/project/DEMO/component?query=ui`)).body).toMatchObject({
      total: 1,
    });
    expect((await call('admin', 'POST', `${J}/component`, { project: 'SBX', name: 'REST' })).status).toBe(
      201,
    );
    expect((await call('viewer', 'GET', `${J}/component/10000`)).body).toMatchObject({ name: 'Checkout UI' });
    expect((await call('viewer', 'GET', `${J}/status`)).body).toHaveLength(4);
    expect((await call('viewer', 'GET', `${J}/project/OPS/statuses`)).body).toHaveLength(4);
    const id = actor('member').accountId ?? '';
    expect((await call('viewer', 'GET', `${J}/user?accountId=${encodeURIComponent(id)}`)).body).toMatchObject(
      {
        displayName: 'Max Member',
      },
    );
    expect(
      (await call('viewer', 'GET', `${J}/user/assignable/search?issueKey=OPS-1&query=ada`)).body,
    ).toMatchObject([{ displayName: 'Ada Admin' }]);
  });

  it('serves watchers, changelog, properties, worklogs and comment deletion', async () => {
    const { call, actor } = restSite();
    expect((await call('viewer', 'POST', `${J}/issue/SBX-1/watchers`)).status).toBe(204);
    expect((await call('admin', 'POST', `${J}/issue/SBX-1/watchers`, actor('member').accountId)).status).toBe(
      204,
    );
    expect((await call('admin', 'POST', `${J}/issue/SBX-1/watchers`, { accountId: 'x' })).status).toBe(400);
    expect((await call('viewer', 'GET', `${J}/issue/SBX-1/watchers`)).body).toMatchObject({
      isWatching: true,
      watchCount: 2,
    });
    expect((await call('viewer', 'DELETE', `${J}/issue/SBX-1/watchers`)).status).toBe(204);
    expect((await call('viewer', 'GET', `${J}/issue/DEMO-3/changelog?maxResults=1`)).body).toMatchObject({
      total: 2,
      isLast: false,
    });
    expect((await call('member', 'PUT', `${J}/issue/SBX-1/properties/flag`, { on: true })).status).toBe(201);
    expect((await call('member', 'PUT', `${J}/issue/SBX-1/properties/flag`, { on: false })).status).toBe(200);
    expect((await call('viewer', 'GET', `${J}/issue/SBX-1/properties/flag`)).body).toEqual({
      key: 'flag',
      value: { on: false },
    });
    expect((await call('viewer', 'GET', `${J}/issue/SBX-1/properties`)).body).toMatchObject({
      keys: [{ key: 'flag' }],
    });
    expect((await call('member', 'DELETE', `${J}/issue/SBX-1/properties/flag`)).status).toBe(204);
    const logs = await call(
      'viewer',
      'GET',
      `${J}/issue/DEMO-4/worklog?startedAfter=${Date.parse('2026-10-09T00:00:00Z')}`,
    );
    expect(logs.body).toMatchObject({ total: 1 });
    const all = (await call('viewer', 'GET', `${J}/issue/DEMO-4/worklog`)).body as {
      worklogs: { id: string }[];
    };
    const wid = all.worklogs[0]?.id ?? '';
    expect(
      (await call('member', 'PUT', `${J}/issue/DEMO-4/worklog/${wid}`, { timeSpent: '4h' })).body,
    ).toMatchObject({
      timeSpent: '4h',
    });
    expect((await call('viewer', 'GET', `${J}/issue/DEMO-4/worklog/${wid}`)).body).toMatchObject({
      timeSpentSeconds: 14400,
    });
    const comments = (await call('viewer', 'GET', `${J}/issue/OPS-2/comment?orderBy=-created`)).body as {
      comments: { id: string }[];
    };
    expect(
      (await call('admin', 'DELETE', `${J}/issue/OPS-2/comment/${comments.comments[0]?.id ?? ''}`)).status,
    ).toBe(204);
  });

  it('serves remote links, with 201 for new and 200 for updated ones', async () => {
    const { call } = restSite();
    const link = { globalId: 'g-1', object: { url: 'https://x.example/1', title: 'One' } };
    expect((await call('member', 'POST', `${J}/issue/SBX-1/remotelink`, link)).status).toBe(201);
    expect((await call('member', 'POST', `${J}/issue/SBX-1/remotelink`, link)).status).toBe(200);
    const list = (await call('viewer', 'GET', `${J}/issue/SBX-1/remotelink`)).body as { id: number }[];
    expect(list).toHaveLength(1);
    expect((await call('viewer', 'GET', `${J}/issue/SBX-1/remotelink?globalId=g-1`)).body).toMatchObject({
      globalId: 'g-1',
    });
    expect((await call('viewer', 'GET', `${J}/issue/SBX-1/remotelink/${list[0]?.id ?? 0}`)).status).toBe(200);
    expect((await call('member', 'DELETE', `${J}/issue/SBX-1/remotelink?globalId=g-1`)).status).toBe(204);
    expect((await call('member', 'DELETE', `${J}/issue/SBX-1/remotelink/1`)).status).toBe(404);
  });

  it('serves filters and dashboards', async () => {
    const { call } = restSite();
    expect((await call('viewer', 'GET', `${J}/filter/search?filterName=board`)).body).toMatchObject({
      total: 3,
    });
    expect((await call('viewer', 'GET', `${J}/filter/10004`)).body).toMatchObject({ name: 'Open bugs' });
    expect((await call('viewer', 'GET', `${J}/filter/10005`)).status).toBe(400);
    expect((await call('admin', 'GET', `${J}/dashboard?filter=my`)).body).toMatchObject({ total: 3 });
    expect((await call('admin', 'GET', `${J}/dashboard?filter=all`)).status).toBe(400);
    expect((await call('viewer', 'GET', `${J}/dashboard/10000`)).body).toMatchObject({
      name: 'Engineering overview',
    });
  });
});

describe('attachments over short-lived transfer URLs', () => {
  it('downloads through the ticket without a credential, and refuses another file or a used-up time', async () => {
    const { call, store, actor } = restSite();
    const { downloadUrl } = prepareAttachmentDownload(store, actor('viewer'), '10000');
    const got = await call(null, 'GET', downloadUrl);
    expect(got).toMatchObject({ status: 200, body: expect.stringContaining('rounded=10.00') as unknown });
    expect(got.headers.get('content-type')).toBe('text/plain');
    const other = await call(null, 'GET', downloadUrl.replace('/content/10000', '/content/10001'));
    expect(other).toMatchObject({
      status: 403,
      body: { errorMessages: ['This transfer link has expired or is not valid for this file.'] },
    });
    // Without a ticket an anonymous caller sees no attachment; with a credential the ticket is not needed.
    expect((await call(null, 'GET', `${J}/attachment/content/10000`)).status).toBe(404);
    expect((await call('viewer', 'GET', `${J}/attachment/content/10000`)).status).toBe(200);
    expect((await call('viewer', 'GET', `${J}/attachment/10000`)).body).toMatchObject({
      filename: 'checkout-trace.log',
    });
  });

  it('uploads a multipart file through the ticket once, and needs the XSRF header', async () => {
    const { send, call, store, actor } = restSite();
    const { uploadUrl } = prepareAttachmentUpload(store, actor('member'), 'SBX-1', 'notes.txt');
    const form = () => {
      const f = new FormData();
      f.append('file', new Blob(['hello'], { type: 'text/plain' }), 'notes.txt');
      return f;
    };
    const bare = await send(new Request(uploadUrl, { method: 'POST', body: form() }));
    expect(bare).toMatchObject({
      status: 403,
      body: { errorMessages: ['XSRF check failed: send the header X-Atlassian-Token: no-check.'] },
    });
    const headers = { 'x-atlassian-token': 'no-check' };
    const done = await send(new Request(uploadUrl, { method: 'POST', headers, body: form() }));
    expect(done).toMatchObject({
      status: 200,
      body: [{ filename: 'notes.txt', size: 5, author: { displayName: 'Max Member' } }],
    });
    expect((await send(new Request(uploadUrl, { method: 'POST', headers, body: form() }))).status).toBe(403);
    const notMultipart = await send(
      new Request(`${HOST}${J}/issue/SBX-1/attachments`, {
        method: 'POST',
        headers: { ...headers, authorization: restAuth(store, 'member'), 'content-type': 'text/plain' },
        body: 'x',
      }),
    );
    expect(notMultipart.status).toBe(400);
    const id = (done.body as { id: string }[])[0]?.id ?? '';
    expect((await call('member', 'DELETE', `${J}/attachment/${id}`)).status).toBe(204);
  });
});

function restAuth(store: ReturnType<typeof restSite>['store'], handle: string): string {
  const u = store.userByHandle(handle);
  return `Basic ${Buffer.from(`${u?.email ?? ''}:${u?.apiToken ?? ''}`).toString('base64')}`;
}
