import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { pkceChallenge } from '../atlassian/oauth/tokens.ts';
import { FakeCloud } from '../cloud.ts';
import { loadV2Profile } from '../rovo/v2/profile/load.ts';
import type { V2Profile } from '../rovo/v2/profile/schema.ts';
import { CALLBACK_INVALID } from '../rovo/v2/authorize.ts';
import { oauthFlow } from './oauth-flow.ts';

const VERIFIER = 'v2-verifier-'.padEnd(50, 'y');
const HTTPS_REDIRECT = 'https://client.example/callback';

const clouds: FakeCloud[] = [];
afterEach(async () => {
  await Promise.all(clouds.splice(0).map((c) => c.close()));
});

/** A client ID metadata document, served by msw only (unhandled requests fail the test). */
const CIMD_ID = 'https://client.example/oauth/client-metadata.json';
const CIMD_LOOPBACK = 'http://127.0.0.1:33418/';
const documents = setupServer(
  http.get(CIMD_ID, () =>
    HttpResponse.json({
      client_id: CIMD_ID,
      client_name: 'CIMD client',
      redirect_uris: [CIMD_LOOPBACK, HTTPS_REDIRECT],
    }),
  ),
);
beforeAll(() => documents.listen({ onUnhandledRequest: 'error' }));
afterAll(() => documents.close());

function setup(changes: Partial<V2Profile> = {}) {
  const base = loadV2Profile('default');
  const cloud = new FakeCloud({
    v2Profile: { ...base, ...changes, answers: { ...base.answers, ...changes.answers } },
    fetchClientMetadata: (url, init) => fetch(url, init),
  });
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

/** The authorization-server metadata of the issuer the v2 PRM names (RFC 8414 path form). */
async function asMetadata(cloud: FakeCloud, flow: ReturnType<typeof oauthFlow>) {
  const issuer = new URL(cloud.oauth.servers().gen2.url);
  const res = await flow.send(`${issuer.origin}/.well-known/oauth-authorization-server${issuer.pathname}`);
  return (await res.json()) as Record<string, unknown>;
}

/** Authorizes and exchanges the code: the token endpoint's answer. */
async function signIn(env: ReturnType<typeof setup>, clientId: string, redirect: string, scope?: string) {
  const res = await env.flow.send(env.authorizeUrl(clientId, redirect, scope), { redirect: 'manual' });
  const code = new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
  return env.flow.token('gen2', {
    grant_type: 'authorization_code',
    code,
    client_id: clientId,
    redirect_uri: redirect,
    code_verifier: VERIFIER,
  });
}

/** Where an authorization request went: a code on the redirect, or the error it was refused with. */
async function authorizeAt(
  { flow, authorizeUrl }: ReturnType<typeof setup>,
  clientId: string,
  redirect: string,
) {
  return outcome(await flow.send(authorizeUrl(clientId, redirect), { redirect: 'manual' }));
}

async function outcome(res: Response) {
  const location = res.headers.get('location');
  if (location)
    return { code: new URL(location).searchParams.get('code') !== null, redirect: location.split('?')[0] };
  return { status: res.status, body: (await res.json()) as Record<string, string> };
}

it('issues tokens for the v2 resource with its scopes, and /v2/mcp takes them', async () => {
  const env = setup();
  const client = await env.flow.register('gen2', { redirect_uris: [HTTPS_REDIRECT] });
  const scope = 'read:jira:agent-interface delete:jira:agent-interface';
  const tokens = await signIn(env, String(client.body.client_id), HTTPS_REDIRECT, scope);
  expect(tokens.body.scope).toBe('read:jira:agent-interface delete:jira:agent-interface');
  expect((await env.ping(String(tokens.body.access_token))).status).toBe(200);
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

it('advertises client ID metadata documents and runs the flow for an https client_id whose document lists the redirect', async () => {
  const env = setup();
  expect(await asMetadata(env.cloud, env.flow)).toHaveProperty('client_id_metadata_document_supported', true);
  const tokens = await signIn(env, CIMD_ID, CIMD_LOOPBACK);
  expect((await env.ping(String(tokens.body.access_token))).status).toBe(200);
});

it('Q15 exact refuses a metadata-document client a redirect its document does not list, port included', async () => {
  const env = setup();
  expect(await authorizeAt(env, CIMD_ID, 'http://127.0.0.1:40001/')).toEqual({
    status: 400,
    body: { error: 'invalid_request', error_description: CALLBACK_INVALID },
  });
});

it('clientIdMetadataDocuments unsupported: no metadata flag, and an https client_id is an unknown client', async () => {
  const env = setup({ clientIdMetadataDocuments: 'unsupported' });
  expect(await asMetadata(env.cloud, env.flow)).not.toHaveProperty('client_id_metadata_document_supported');
  expect(await authorizeAt(env, CIMD_ID, CIMD_LOOPBACK)).toMatchObject({
    status: 400,
    body: { error: 'invalid_request' },
  });
});

it('Q15 any-loopback lets a registered loopback redirect through on another port and host (T-LB)', async () => {
  const env = setup({ answers: { ...loadV2Profile('default').answers, Q15: 'any-loopback' } });
  const client = await env.flow.register('gen2', { redirect_uris: ['http://127.0.0.1:8976/callback'] });
  const id = String(client.body.client_id);
  expect(await authorizeAt(env, id, 'http://localhost:5555/callback')).toEqual({
    code: true,
    redirect: 'http://localhost:5555/callback',
  });
  expect(await authorizeAt(env, id, 'http://127.0.0.1:5555/other')).toMatchObject({
    status: 400,
    body: { error: 'unauthorized_client' },
  });
});

it('Q15 domain-patterns lets loopback redirects matching the org patterns through, any port; localhost and 127.0.0.1 differ', async () => {
  const env = setup({
    answers: { ...loadV2Profile('default').answers, Q15: 'domain-patterns' },
    redirectDomainPatterns: ['http://localhost:*/**'],
  });
  const client = await env.flow.register('gen2', {
    redirect_uris: ['http://localhost:8976/callback', 'http://127.0.0.1:8976/callback'],
  });
  const id = String(client.body.client_id);
  expect(await authorizeAt(env, id, 'http://localhost:7777/callback')).toMatchObject({ code: true });
  expect(await authorizeAt(env, id, 'http://127.0.0.1:8976/callback')).toEqual({
    status: 400,
    body: {
      error: 'unauthorized_client',
      error_description: 'redirect_uri is not registered for client: http://127.0.0.1:8976/callback',
    },
  });
});
