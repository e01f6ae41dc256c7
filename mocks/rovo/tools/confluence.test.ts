import { describe, expect, it } from 'vitest';
import { testSite } from '../../atlassian/confluence/test-site.ts';
import { tinyLinkCode } from '../../atlassian/confluence/tiny-link.ts';
import { loadProfile } from '../profile/load.ts';
import type { RovoTool, ToolContext } from './define.ts';
import { inputSchemaOf, rovoTools } from './index.ts';

/** rovo-surface.md 2.5 and 2.2: names and required arguments. */
const SURFACE: Record<string, string[]> = {
  getConfluenceSpaces: ['cloudId'],
  getPagesInConfluenceSpace: ['cloudId', 'spaceId'],
  getConfluencePage: ['cloudId', 'pageId'],
  getConfluencePageDescendants: ['cloudId', 'pageId'],
  createConfluencePage: ['cloudId', 'spaceId', 'body'],
  updateConfluencePage: ['cloudId', 'pageId', 'body'],
  getConfluencePageFooterComments: ['cloudId', 'pageId'],
  getConfluencePageInlineComments: ['cloudId', 'pageId'],
  getConfluenceCommentChildren: ['cloudId', 'commentId', 'commentType'],
  createConfluenceFooterComment: ['cloudId', 'body'],
  createConfluenceInlineComment: ['cloudId', 'body'],
  searchConfluenceUsingCql: ['cloudId', 'cql'],
  searchAtlassian: ['query'],
  fetchAtlassian: ['id'],
};

function harness(profileName = 'default', handle: 'member' | 'admin' | 'viewer' | 'outsider' = 'member') {
  const { store } = testSite();
  const profile = loadProfile(profileName);
  const tools = rovoTools(profile);
  const contextOf = (who: typeof handle): ToolContext => {
    const user = store.userByHandle(who);
    if (!user) throw new Error(who);
    return { store, actor: { accountId: user.accountId }, user, profile };
  };
  const call = async (
    name: string,
    args: Record<string, unknown>,
    who = handle,
  ): Promise<Record<string, unknown>> => {
    const tool = tools.find((t) => t.name === name);
    if (!tool) throw new Error(`no tool ${name}`);
    return (await tool.run(
      tool.input.parse({ cloudId: store.site.cloudId, ...args }),
      contextOf(who),
    )) as Record<string, unknown>;
  };
  return { store, tools, call };
}

describe('the Confluence and search tool surface', () => {
  const { tools } = harness();
  const byName = new Map<string, RovoTool>(tools.map((t) => [t.name, t]));

  it.each(Object.entries(SURFACE))(
    '%s requires exactly %j and refuses unknown arguments',
    (name, required) => {
      const tool = byName.get(name);
      expect(tool?.name, `${name} is listed`).toBe(name);
      if (!tool) return;
      const schema = inputSchemaOf(tool);
      expect([...((schema.required as string[] | undefined) ?? [])].sort()).toEqual([...required].sort());
      expect(schema.additionalProperties).toBe(false);
    },
  );

  it('search and fetch keep their canonical names where the profile says so', () => {
    const legacy = harness('legacy-captures').tools.map((t) => t.name);
    expect(legacy).toEqual(expect.arrayContaining(['search', 'fetch']));
    expect(byName.get('searchAtlassian')?.group).toBe('search_atlassian');
  });
});

describe('Confluence tools', () => {
  it('updateConfluencePage writes current + 1 whatever the caller last read: the last writer wins', async () => {
    const { call } = harness();
    const page = await call('createConfluencePage', {
      spaceId: 'SBX',
      title: 'Race',
      body: 'original',
      contentFormat: 'markdown',
    });
    const id = String(page.id);
    await call('updateConfluencePage', { pageId: id, body: 'by admin', contentFormat: 'markdown' }, 'admin');
    const stale = await call('updateConfluencePage', {
      pageId: id,
      body: 'stale edit',
      contentFormat: 'markdown',
      includeBody: true,
    });
    expect(stale).toMatchObject({ version: { number: 3 }, body: 'stale edit' });
    expect(await call('getConfluencePage', { pageId: id, contentFormat: 'markdown' })).toMatchObject({
      body: 'stale edit',
    });
  });

  it('takes a tiny-link code as pageId', async () => {
    const { call } = harness();
    const page = await call('getConfluencePage', {
      pageId: tinyLinkCode('98306'),
      contentFormat: 'markdown',
    });
    expect(page).toMatchObject({ id: '98306', title: 'Architecture Overview', spaceKey: 'ENG' });
  });

  it('reads and writes in contentFormat, with the profile default when it is omitted', async () => {
    const html = harness('legacy-captures');
    expect(await html.call('getConfluencePage', { pageId: '98308' })).toMatchObject({
      body: '<p>Operational runbooks for on-call engineers.</p>',
    });
    const made = await html.call('createConfluencePage', {
      spaceId: 'SBX',
      title: 'HTML',
      body: '<p>Hi <em>you</em></p>',
    });
    expect(
      await html.call('getConfluencePage', { pageId: String(made.id), contentFormat: 'markdown' }),
    ).toMatchObject({ body: 'Hi *you*' });
    const adf = harness('default');
    const doc = await adf.call('getConfluencePage', { pageId: '98308' });
    expect(doc.body).toMatchObject({ type: 'doc', version: 1 });
  });

  it('the viewer reads but cannot create, update or comment', async () => {
    const { call } = harness();
    await expect(call('getConfluencePage', { pageId: '163841' }, 'viewer')).resolves.toMatchObject({
      id: '163841',
    });
    await expect(
      call('createConfluencePage', { spaceId: 'SBX', title: 'No', body: 'x' }, 'viewer'),
    ).rejects.toThrow(/404/);
    await expect(call('updateConfluencePage', { pageId: '163841', body: 'x' }, 'viewer')).rejects.toThrow(
      /403/,
    );
    await expect(
      call('createConfluenceFooterComment', { pageId: '163841', body: 'x' }, 'viewer'),
    ).rejects.toThrow(/404/);
  });

  it('lists pages of a space by key with the cursor from _links.next', async () => {
    const { call } = harness();
    const first = await call('getPagesInConfluenceSpace', {
      spaceId: 'ENG',
      limit: 5,
      contentFormat: 'markdown',
    });
    const next = String((first._links as { next?: string }).next);
    const cursor = new URL(next, 'https://x.invalid').searchParams.get('cursor') ?? '';
    const second = await call('getPagesInConfluenceSpace', {
      spaceId: 'ENG',
      limit: 5,
      cursor,
      contentFormat: 'markdown',
    });
    expect((second.results as { id: string }[]).map((p) => p.id)).toEqual(['98310']);
  });

  it('comments, replies and inline comments', async () => {
    const { call } = harness();
    const top = await call('createConfluenceFooterComment', {
      pageId: '98305',
      body: 'Top',
      contentFormat: 'markdown',
    });
    await call('createConfluenceFooterComment', {
      parentCommentId: String(top.id),
      body: 'Reply',
      contentFormat: 'markdown',
    });
    const replies = await call('getConfluenceCommentChildren', {
      commentId: String(top.id),
      commentType: 'footer',
      contentFormat: 'markdown',
    });
    expect((replies.results as { body: string }[]).map((r) => r.body)).toEqual(['Reply']);
    const inline = await call('createConfluenceInlineComment', {
      pageId: '98306',
      body: 'Which?',
      contentFormat: 'markdown',
      inlineCommentProperties: {
        textSelection: 'payments',
        textSelectionMatchCount: 1,
        textSelectionMatchIndex: 0,
      },
    });
    expect(inline).toMatchObject({ resolutionStatus: 'open', body: 'Which?' });
  });
});

describe('search and fetch tools', () => {
  it('fetch returns the issue or page as Markdown; a bad ARI is a Rovo error', async () => {
    const { call, store } = harness();
    const issue = await call('fetchAtlassian', { id: `ari:cloud:jira:${store.site.cloudId}:issue/10001` });
    expect(issue).toMatchObject({
      type: 'issue',
      key: 'DEMO-1',
      webUrl: 'https://acme-conformance.atlassian.net/browse/DEMO-1',
    });
    const page = await call('fetchAtlassian', {
      id: `ari:cloud:confluence:${store.site.cloudId}:page/98308`,
    });
    expect(page).toMatchObject({
      type: 'page',
      title: 'Runbooks',
      body: 'Operational runbooks for on-call engineers.',
    });
    await expect(call('fetchAtlassian', { id: 'DEMO-1' })).rejects.toThrow(/not a valid ARI/);
  });

  it('search takes an optional cloudId and checks it when given', async () => {
    const { call } = harness();
    await expect(call('searchAtlassian', { query: 'runbook', cloudId: 'elsewhere.example' })).rejects.toThrow(
      /Cloud ID/,
    );
  });
});
