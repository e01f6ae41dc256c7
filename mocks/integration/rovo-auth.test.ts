import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { fetchInto } from '../../lib/request-handler.ts';
import { oauthFlow } from './oauth-flow.ts';
import { API_TOKEN_NOT_ENABLED, CLASSIC_TOKEN_REFUSED } from '../rovo/auth/api-token.ts';

const MCP = 'https://mcp.atlassian.com';
let cloud: FakeCloud;

afterEach(async () => {
  await cloud.close();
});

const initialize = (path: string, authorization?: string) =>
  fetchInto(cloud)(`${MCP}${path}`, {
    method: 'POST',
    headers: {
      ...(authorization ? { authorization } : {}),
      'content-type': 'application/json',
      accept: 'application/json, text/event-stream',
    },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '0' } },
    }),
  });

function basic(
  handle: string,
  token?: (u: { apiToken: string; tokens: readonly { label: string; token: string }[] }) => string,
) {
  const u = cloud.store.userByHandle(handle);
  if (!u) throw new Error(`no ${handle}`);
  return `Basic ${Buffer.from(`${u.email}:${token ? token(u) : u.apiToken}`).toString('base64')}`;
}

const tokenLabelled = (label: string) => (u: { tokens: readonly { label: string; token: string }[] }) =>
  u.tokens.find((t) => t.label === label)?.token ?? '';

async function client(path: string, authorization: string): Promise<Client> {
  const c = new Client({ name: 'auth-self-test', version: '0' });
  await c.connect(
    new StreamableHTTPClientTransport(new URL(`${MCP}${path}`), {
      requestInit: { headers: { authorization } },
      fetch: fetchInto(cloud),
    }),
  );
  return c;
}

describe('401 challenges', () => {
  it('authv2 points at the endpoint protected-resource metadata', async () => {
    cloud = new FakeCloud();
    for (const path of ['/v1/mcp', '/v1/mcp/authv2']) {
      const res = await initialize(path, 'Bearer garbage');
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe(
        `Bearer resource_metadata="${MCP}/.well-known/oauth-protected-resource${path}", error="invalid_token", error_description="Missing or invalid access token"`,
      );
    }
  });

  it('an expired token and a token of the other generation are refused like garbage', async () => {
    cloud = new FakeCloud({ profile: 'legacy-captures' });
    const flow = oauthFlow(cloud);
    const gen1 = await flow.login({ generation: 'gen1' });
    const bearer = `Bearer ${String(gen1.body.access_token)}`;
    expect((await initialize('/v1/mcp', bearer)).status).toBe(200);
    expect((await initialize('/v1/mcp/authv2', bearer)).status).toBe(401);
    cloud.tokens.expireAccessTokens();
    const expired = await initialize('/v1/mcp', bearer);
    expect(expired.status).toBe(401);
    expect(expired.headers.get('www-authenticate')).toMatch(/^Bearer realm="OAuth", error="invalid_token"/);
  });
});

describe('scopes', () => {
  it('a token without write scopes lists no write tools, and calling one asks to step up (403)', async () => {
    cloud = new FakeCloud();
    const { body } = await oauthFlow(cloud).login({
      generation: 'gen2',
      scope: 'read:jira:agent-interface read:me offline_access',
    });
    const c = await client('/v1/mcp', `Bearer ${String(body.access_token)}`);
    const names = (await c.listTools()).tools.map((t) => t.name);
    expect(names).toContain('getJiraIssue');
    expect(names).not.toContain('createJiraIssue');
    const call = c.callTool({ name: 'createJiraIssue', arguments: {} });
    await expect(call).rejects.toThrow(/insufficient_scope/);
    await c.close();
    const denied = cloud.rovo.recorded.at(-1);
    expect(denied).toMatchObject({ status: 403, rpc: ['tools/call:createJiraIssue'] });
  });

  it('a scoped read-only API token lists no write tools, and calling one is an unknown tool', async () => {
    cloud = new FakeCloud();
    const c = await client('/v1/mcp', basic('member', tokenLabelled('read-only')));
    const names = (await c.listTools()).tools.map((t) => t.name);
    expect(names).toContain('searchJiraIssuesUsingJql');
    expect(names.filter((n) => /^(create|edit|update|add|transition)/.test(n))).toEqual([]);
    await expect(c.callTool({ name: 'createJiraIssue', arguments: {} })).rejects.toThrow(/not found/);
    await c.close();
  });
});

describe('API-token policy', () => {
  it('refuses every API token while the admin has not enabled them', async () => {
    cloud = new FakeCloud();
    cloud.auth.apiToken = { ...cloud.auth.apiToken, enabled: false };
    const res = await initialize('/v1/mcp', basic('member'));
    expect(res.status).toBe(403);
    expect(await res.text()).toContain(API_TOKEN_NOT_ENABLED);
  });

  const TWG_TOOLS = [
    'atlassianUserInfo',
    'getAccessibleAtlassianResources',
    'getTeamworkGraphContext',
    'getTeamworkGraphObject',
  ].sort();

  it('shows a classic token only the Teamwork Graph tools (#168), or refuses it naming modern tokens', async () => {
    cloud = new FakeCloud();
    const c = await client('/v1/mcp', basic('member', tokenLabelled('classic')));
    expect((await c.listTools()).tools.map((t) => t.name).sort()).toEqual(TWG_TOOLS);
    await c.close();
    cloud.auth.apiToken = { ...cloud.auth.apiToken, classic: 'refused' };
    const refused = await initialize('/v1/mcp', basic('member', tokenLabelled('classic')));
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(CLASSIC_TOKEN_REFUSED);
  });

  it('lets a wrong Basic token into an anonymous Teamwork Graph session, or answers 401 (wrongToken: 401)', async () => {
    cloud = new FakeCloud();
    const wrong = basic('member', () => 'ATATT-not-a-real-token-000000');
    const c = await client('/v1/mcp', wrong);
    // Anonymous: the Teamwork Graph tools alone, not the two that name a user or a site.
    expect((await c.listTools()).tools.map((t) => t.name).sort()).toEqual([
      'getTeamworkGraphContext',
      'getTeamworkGraphObject',
    ]);
    await c.close();
    cloud.auth.apiToken = { ...cloud.auth.apiToken, wrongToken: '401' };
    expect((await initialize('/v1/mcp', wrong)).status).toBe(401);
  });
});
