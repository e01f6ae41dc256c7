import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_PROTOCOL_VERSION } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { cloudIdOf, v2Clients } from './v2-clients.ts';
import type { FakeCloud } from '../cloud.ts';

const { cloudWith, connect, closeClouds } = v2Clients();
afterEach(closeClouds);

const Search = z.object({
  issues: z
    .object({
      nodes: z.array(z.object({ key: z.string() }).loose()),
      totalCount: z.number(),
      remainingCount: z.number().optional(),
      pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }).optional(),
      webUrl: z.string(),
    })
    .strict(),
});

/** Nine DEMO issues (the seed has five), so pages of two and the five-node cap both show. */
async function nineIssues(cloud: FakeCloud, c: Awaited<ReturnType<typeof connect>>) {
  for (let i = 0; i < 4; i++)
    await c.call('createJiraIssue', {
      cloudId: cloudIdOf(cloud),
      projectKey: 'DEMO',
      issueType: 'Task',
      summary: `paging ${i}`,
    });
}

const JQL = 'project = DEMO ORDER BY key';

describe('Q11 Jira search paging', () => {
  it('faithful (default) pages in pages of two to the end: nodes, pageInfo, the true remainingCount', async () => {
    const cloud = cloudWith();
    const c = await connect(cloud);
    await nineIssues(cloud, c);
    const keys: string[] = [];
    let cursor: string | null | undefined;
    for (let page = 0; page < 10; page++) {
      const r = Search.parse(
        (
          await c.call('searchJiraIssuesUsingJql', {
            cloudId: cloudIdOf(cloud),
            jql: JQL,
            maxResults: 2,
            ...(cursor ? { nextPageToken: cursor } : {}),
          })
        ).json,
      );
      keys.push(...r.issues.nodes.map((n) => n.key));
      expect(r.issues.totalCount).toBe(9);
      expect(r.issues.remainingCount).toBe(9 - keys.length);
      expect(r.issues.webUrl).toBe(`https://${cloud.store.site.host}/issues?jql=${encodeURIComponent(JQL)}`);
      cursor = r.issues.pageInfo?.endCursor;
      if (!r.issues.pageInfo?.hasNextPage) break;
    }
    expect(keys).toHaveLength(9);
    expect(new Set(keys).size).toBe(9);
  });

  it('five-node-cap answers five nodes, no cursor and a non-zero remainingCount (I221, I225)', async () => {
    const cloud = cloudWith({ Q11: 'five-node-cap' });
    const c = await connect(cloud);
    await nineIssues(cloud, c);
    const r = Search.parse(
      (await c.call('searchJiraIssuesUsingJql', { cloudId: cloudIdOf(cloud), jql: JQL, maxResults: 50 }))
        .json,
    );
    expect(r.issues.nodes).toHaveLength(5);
    expect(r.issues.totalCount).toBe(9);
    expect(r.issues.remainingCount).toBe(4);
    expect(r.issues.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });

  it('no-cursor answers the page with totalCount = its size and no paging fields (I118)', async () => {
    const cloud = cloudWith({ Q11: 'no-cursor' });
    const c = await connect(cloud);
    await nineIssues(cloud, c);
    const r = Search.parse(
      (await c.call('searchJiraIssuesUsingJql', { cloudId: cloudIdOf(cloud), jql: JQL, maxResults: 3 })).json,
    );
    expect(r.issues.nodes).toHaveLength(3);
    expect(r.issues.totalCount).toBe(3);
    expect(r.issues.pageInfo).toBeUndefined();
    expect(r.issues.remainingCount).toBeUndefined();
  });
});

describe('Q12 getJiraIssue shaping', () => {
  const DROPPED = ['parent', 'issuetype', 'issuelinks', 'labels', 'subtasks'];
  const fieldsOf = (json: Record<string, unknown>) => Object.keys(json.fields as object);

  it('compact-default drops parent/issuetype/labels even when asked, adds the always-returned fields, and view full restores them', async () => {
    const cloud = cloudWith();
    const c = await connect(cloud);
    const ask = {
      cloudId: cloudIdOf(cloud),
      issueIdOrKey: 'DEMO-2',
      fields: ['summary', 'labels', 'issuetype'],
    };
    const compact = (await c.call('getJiraIssue', ask)).json;
    expect(fieldsOf(compact).filter((f) => DROPPED.includes(f))).toEqual([]);
    expect(fieldsOf(compact)).toEqual(
      expect.arrayContaining(['summary', 'description', 'project', 'assignee']),
    );
    expect(typeof (compact.fields as { description: unknown }).description).toBe('string');
    expect(compact.webUrl).toBe(`https://${cloud.store.site.host}/browse/DEMO-2`);
    const full = (await c.call('getJiraIssue', { ...ask, view: 'full' })).json;
    expect(fieldsOf(full)).toEqual(expect.arrayContaining(['labels', 'issuetype']));
    const search = Search.parse(
      (await c.call('searchJiraIssuesUsingJql', { cloudId: cloudIdOf(cloud), jql: JQL, fields: ['labels'] }))
        .json,
    );
    expect(search.issues.nodes.every((n) => !('labels' in (n.fields as object)))).toBe(true);
  });

  it('full-default keeps every field unless compact is asked for', async () => {
    const cloud = cloudWith({ Q12: 'full-default' });
    const c = await connect(cloud);
    const ask = { cloudId: cloudIdOf(cloud), issueIdOrKey: 'DEMO-2' };
    expect(fieldsOf((await c.call('getJiraIssue', ask)).json)).toEqual(
      expect.arrayContaining(['labels', 'issuetype']),
    );
    expect(fieldsOf((await c.call('getJiraIssue', { ...ask, view: 'compact' })).json)).not.toContain(
      'labels',
    );
  });

  it('inline comments drop their page counts and stop at inlineCommentCap (I230)', async () => {
    const cloud = cloudWith({ Q12: 'full-default' }, 'default', { inlineCommentCap: 1 });
    const c = await connect(cloud);
    const r = await c.call('getJiraIssue', {
      cloudId: cloudIdOf(cloud),
      issueIdOrKey: 'OPS-2',
      fields: ['comment'],
    });
    const comment = (r.json.fields as { comment: Record<string, unknown> }).comment;
    expect(comment.comments).toHaveLength(1);
    expect(comment).not.toHaveProperty('total');
    expect(comment).not.toHaveProperty('startAt');
  });
});

describe('Q19 protocol version, Q20 getContentFormatGuide names', () => {
  it('echo-recent answers the version the SDK client asks; fixed-2024-11-05 answers 2024-11-05', async () => {
    const echo = await connect(cloudWith());
    expect(echo.protocolVersion()).toBe(LATEST_PROTOCOL_VERSION);
    const fixed = await connect(cloudWith({ Q19: 'fixed-2024-11-05' }));
    expect(fixed.protocolVersion()).toBe('2024-11-05');
    expect(await fixed.names()).toContain('discover');
  });

  it('v1-content-keys refuses a v2 tool name as toolName; also-v2-names takes it', async () => {
    const guide = (c: Awaited<ReturnType<typeof connect>>) =>
      c.call('executeRead', {
        name: 'getContentFormatGuide',
        inputs: { toolName: 'createConfluenceContent' },
      });
    expect((await guide(await connect(cloudWith()))).isError).toBe(true);
    const taken = await guide(await connect(cloudWith({ Q20: 'also-v2-names' })));
    expect(taken.isError).toBe(false);
    expect(taken.json.toolName).toBe('createConfluenceContent');
  });
});
