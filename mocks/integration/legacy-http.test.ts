import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { fetchInto } from '../../lib/request-handler.ts';
import { LEGACY_OAUTH_CLIENT, consentTokens } from '../legacy/consent.ts';
import { LEGACY_MCP_PATH, legacyHttpHandler } from '../legacy/http.ts';
import { memoryTokenStore } from '../legacy/oauth.ts';
import { createLegacyServer, legacyMcpServer } from '../legacy/server.ts';

const URL_BASE = 'http://legacy.test';
const closing: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

/** The reference server over HTTP, in-process: its REST calls and its MCP endpoint both through fetch. */
function legacyOverHttp() {
  const cloud = new FakeCloud();
  const member = cloud.store.userByHandle('member');
  if (!member) throw new Error('no member in the fixture');
  const legacy = createLegacyServer({
    cloudId: cloud.store.site.cloudId,
    client: LEGACY_OAUTH_CLIENT,
    tokens: memoryTokenStore(consentTokens(cloud, member.accountId)),
    fetch: fetchInto(cloud),
  });
  const handler = legacyHttpHandler(() => legacyMcpServer(legacy.ctx));
  closing.push(() => handler.close());
  const fetchHandler = fetchInto(handler);
  const session = async () => {
    const client = new Client({ name: 'legacy-http-test', version: '0' });
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${URL_BASE}${LEGACY_MCP_PATH}`), { fetch: fetchHandler }),
    );
    closing.push(() => client.close());
    return client;
  };
  return { cloud, legacy, fetch: fetchHandler, session };
}

it('serves sessions that share one OAuth session: concurrent sessions refresh the rotating token once', async () => {
  const { cloud, legacy, session } = legacyOverHttp();
  const [a, b] = await Promise.all([session(), session()]);
  cloud.tokens.expireAccessTokens();
  const results = await Promise.all(
    [a, b].map((c) => c.callTool({ name: 'jira_test_connection', arguments: {} }, CallToolResultSchema)),
  );
  for (const result of results) expect(result.isError ?? false).toBe(false);
  expect(legacy.auth.refreshes).toBe(1);
});

it('answers outside a session the way Streamable HTTP says: 400 without an id, 404 for an unknown one or another path', async () => {
  const { fetch } = legacyOverHttp();
  const at = (path: string, init: RequestInit = {}) => fetch(`${URL_BASE}${path}`, init);
  expect((await at(LEGACY_MCP_PATH, { headers: { accept: 'text/event-stream' } })).status).toBe(400);
  expect(
    (await at(LEGACY_MCP_PATH, { method: 'DELETE', headers: { 'mcp-session-id': 'nope' } })).status,
  ).toBe(404);
  const elsewhere = await at('/v1/mcp', { method: 'POST', body: '{}' });
  expect(elsewhere.status).toBe(404);
  expect(await elsewhere.text()).toMatch(/MCP is served at \/mcp/);
});
