import { afterEach, describe, expect, it } from 'vitest';
import { FakeCloud } from './cloud.ts';

let cloud: FakeCloud;
afterEach(async () => {
  await cloud.close();
});

function basic(handle = 'member'): string {
  const u = cloud.store.userByHandle(handle);
  return `Basic ${Buffer.from(`${u?.email}:${u?.apiToken}`).toString('base64')}`;
}

describe('REST behind the token service', () => {
  const gateway = () => `https://api.atlassian.com/ex/jira/${cloud.store.site.cloudId}/rest/api/3`;
  const site = () => `https://${cloud.store.site.host}/rest/api/3`;

  async function call(url: string, init: RequestInit = {}) {
    const res = await cloud.handle(new Request(url, init));
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  it('accepts Basic API-token auth and OAuth bearer tokens, and refuses expired ones', async () => {
    cloud = new FakeCloud();
    expect((await call(`${site()}/myself`, { headers: { authorization: basic('member') } })).status).toBe(
      200,
    );
    const member = cloud.store.userByHandle('member');
    const tokens = cloud.tokens.issue({
      accountId: member?.accountId ?? '',
      clientId: 'legacy',
      scopes: ['read:jira-work', 'offline_access'],
      audience: 'api.atlassian.com',
    });
    const bearer = { authorization: `Bearer ${tokens.access_token}` };
    expect(await call(`${gateway()}/myself`, { headers: bearer })).toMatchObject({
      status: 200,
      body: { accountId: member?.accountId },
    });
    cloud.tokens.expireAccessTokens();
    expect((await call(`${gateway()}/myself`, { headers: bearer })).status).toBe(401);
    const refreshed = await call('https://auth.atlassian.com/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'refresh_token',
        client_id: 'legacy',
        refresh_token: tokens.refresh_token,
      }),
    });
    expect(refreshed.status).toBe(200);
    const replay = await call('https://auth.atlassian.com/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        client_id: 'legacy',
        refresh_token: tokens.refresh_token ?? '',
      }),
    });
    expect(replay).toEqual({
      status: 403,
      body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    });
  });
});

describe('the fake cloud under limits', () => {
  async function mcp(body: unknown, sid?: string): Promise<Response> {
    return cloud.handle(
      new Request('https://mcp.atlassian.com/v1/mcp', {
        method: 'POST',
        headers: {
          authorization: basic(),
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          ...(sid ? { 'mcp-session-id': sid } : {}),
        },
        body: JSON.stringify(body),
      }),
    );
  }

  async function session(): Promise<string> {
    const init = await mcp({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
    });
    await init.text();
    const sid = init.headers.get('mcp-session-id') ?? '';
    await (await mcp({ jsonrpc: '2.0', method: 'notifications/initialized' }, sid)).text();
    return sid;
  }

  const call = (sid: string, id: number) =>
    mcp(
      {
        jsonrpc: '2.0',
        id,
        method: 'tools/call',
        params: { name: 'getIssueLinkTypes', arguments: { cloudId: cloud.store.site.cloudId } },
      },
      sid,
    );

  it('answers a tool call over the MCP limit with 429 and Retry-After, until the one in flight has streamed', async () => {
    cloud = new FakeCloud();
    cloud.limitRate({ concurrency: 1, perMinute: null, retryAfterSeconds: 2 });
    const sid = await session();
    const first = await call(sid, 1);
    expect(first.status).toBe(200);
    const second = await call(sid, 2);
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('2');
    expect(await first.text()).toContain('issueLinkTypes');
    const third = await call(sid, 3);
    expect(third.status).toBe(200);
    await third.text();
    expect(cloud.rovo.recorded.filter((e) => e.status === 429)).toHaveLength(1);
  });

  it("answers REST calls over the limit with Jira's 429 headers", async () => {
    cloud = new FakeCloud();
    cloud.limitRate({ concurrency: null, perMinute: 1, retryAfterSeconds: 1 });
    const get = () =>
      cloud.handle(
        new Request(`https://${cloud.store.site.host}/rest/api/3/issueLinkType`, {
          headers: { authorization: basic() },
        }),
      );
    expect((await get()).status).toBe(200);
    const limited = await get();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(59);
    expect(limited.headers.get('ratelimit-reason')).toBe('jira-quota-tenant-based');
  });

  it('is off under the default profile', async () => {
    cloud = new FakeCloud();
    const sid = await session();
    const answers = await Promise.all([1, 2, 3, 4, 5].map((id) => call(sid, id)));
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    await Promise.all(answers.map((r) => r.text()));
  });
});
