import { afterEach, expect, it } from 'vitest';
import { pkceChallenge } from '../atlassian/oauth/tokens.ts';
import { FakeCloud } from '../cloud.ts';
import { oauthFlow } from './oauth-flow.ts';

const VERIFIER = 'v2-verifier-'.padEnd(50, 'y');
const HTTPS_REDIRECT = 'https://client.example/callback';

const clouds: FakeCloud[] = [];
afterEach(async () => {
  await Promise.all(clouds.splice(0).map((c) => c.close()));
});

function setup() {
  const cloud = new FakeCloud();
  clouds.push(cloud);
  const flow = oauthFlow(cloud);
  const v2 = `${cloud.origins.mcp}/v2/mcp`;
  const authorizeUrl = (clientId: string, redirect: string, scope?: string) => {
    const url = new URL(cloud.oauth.servers().gen2.authorize);
    const params = {
      response_type: 'code',
      client_id: clientId,
      redirect_uri: redirect,
      state: 's',
      code_challenge: pkceChallenge(VERIFIER),
      code_challenge_method: 'S256',
      resource: v2,
      ...(scope ? { scope } : {}),
    };
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
    return url;
  };
  const ping = (token: string) =>
    flow.send(v2, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 't', version: '1' } },
      }),
    });
  return { cloud, flow, v2, authorizeUrl, ping };
}

it('issues tokens for the v2 resource with its scopes, and /v2/mcp takes them', async () => {
  const { flow, authorizeUrl, ping } = setup();
  const client = await flow.register('gen2', { redirect_uris: [HTTPS_REDIRECT] });
  const clientId = String(client.body.client_id);
  const res = await flow.send(
    authorizeUrl(clientId, HTTPS_REDIRECT, 'read:jira:agent-interface delete:jira:agent-interface'),
    {
      redirect: 'manual',
    },
  );
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const tokens = await flow.token('gen2', {
    grant_type: 'authorization_code',
    code,
    client_id: clientId,
    redirect_uri: HTTPS_REDIRECT,
    code_verifier: VERIFIER,
  });
  expect(tokens.body.scope).toBe('read:jira:agent-interface delete:jira:agent-interface');
  expect((await ping(String(tokens.body.access_token))).status).toBe(200);
});

it('refuses a dynamically registered client with a loopback redirect unauthorized_client (Q15 exact)', async () => {
  const { flow, authorizeUrl } = setup();
  const loopback = 'http://127.0.0.1:8976/callback';
  const client = await flow.register('gen2', { redirect_uris: [loopback] });
  const res = await flow.send(authorizeUrl(String(client.body.client_id), loopback), { redirect: 'manual' });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({
    error: 'unauthorized_client',
    error_description: `redirect_uri is not registered for client: ${loopback}`,
  });
});

it('answers a v1 (authv2) token 401 invalid_token naming the v2 metadata (Q18 refused)', async () => {
  const { flow, ping, cloud } = setup();
  const v1 = await flow.login({ generation: 'gen2' });
  const res = await ping(String(v1.body.access_token));
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toBe(
    `Bearer resource_metadata="${cloud.origins.mcp}/.well-known/oauth-protected-resource/v2/mcp", error="invalid_token", error_description="The access token was not issued for ${cloud.origins.mcp}/v2/mcp"`,
  );
});

it('takes a user API token as Bearer, as a service-account key', async () => {
  const { cloud, ping } = setup();
  const admin = [...cloud.store.users.values()].find((u) => u.handle === 'admin');
  expect((await ping(admin?.apiToken ?? '')).status).toBe(200);
});
