import { afterEach, describe, expect, it } from 'vitest';
import { FakeCloud } from '../cloud.ts';
import { loadProfile } from '../rovo/profile/load.ts';
import { oauthFlow } from './oauth-flow.ts';

const MCP = 'https://mcp.atlassian.com';
let cloud: FakeCloud;

afterEach(async () => {
  await cloud.close();
});

const gen1Profile = () => loadProfile('legacy-captures');

async function getJson(url: string) {
  const res = await oauthFlow(cloud).send(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('discovery documents', () => {
  it('authv2: protected-resource metadata path-suffixed and at the root, naming the tenant issuer', async () => {
    cloud = new FakeCloud();
    const tenant = cloud.auth.tenant;
    const suffixed = await getJson(`${MCP}/.well-known/oauth-protected-resource/v1/mcp/authv2`);
    expect(suffixed.body).toMatchObject({
      resource: `${MCP}/v1/mcp/authv2`,
      authorization_servers: [`https://auth.atlassian.com/${tenant}`],
      bearer_methods_supported: ['header'],
    });
    expect((await getJson(`${MCP}/.well-known/oauth-protected-resource`)).body.resource).toBe(`${MCP}/`);
  });

  it('authv2: metadata by path insertion and by appending are the same document, S256 only', async () => {
    cloud = new FakeCloud();
    const tenant = cloud.auth.tenant;
    const inserted = await getJson(
      `https://auth.atlassian.com/.well-known/oauth-authorization-server/${tenant}`,
    );
    const appended = await getJson(
      `https://auth.atlassian.com/${tenant}/.well-known/oauth-authorization-server`,
    );
    expect(inserted).toEqual(appended);
    expect(inserted.body).toMatchObject({
      issuer: 'https://auth.atlassian.com',
      token_endpoint: 'https://auth.atlassian.com/oauth/token',
      registration_endpoint: `https://auth.atlassian.com/${tenant}/dcr/register`,
      revocation_endpoint: 'https://auth.atlassian.com/oauth/revoke',
      code_challenge_methods_supported: ['S256'],
    });
  });

  it('the issuer quirk is a switch: off, the issuer is the URL the metadata was derived from', async () => {
    cloud = new FakeCloud();
    cloud.auth.issuerMismatch = false;
    const tenant = cloud.auth.tenant;
    const doc = await getJson(`https://auth.atlassian.com/.well-known/oauth-authorization-server/${tenant}`);
    expect(doc.body.issuer).toBe(`https://auth.atlassian.com/${tenant}`);
  });

  it('gen-1: no protected-resource metadata for /v1/mcp, metadata at the origin with plain and S256', async () => {
    cloud = new FakeCloud({ profile: gen1Profile() });
    expect((await getJson(`${MCP}/.well-known/oauth-protected-resource/v1/mcp`)).status).toBe(404);
    const doc = await getJson(`${MCP}/.well-known/oauth-authorization-server`);
    expect(doc.body).toMatchObject({
      issuer: 'https://cf.mcp.atlassian.com',
      authorization_endpoint: `${MCP}/v1/authorize`,
      token_endpoint: 'https://cf.mcp.atlassian.com/v1/token',
      code_challenge_methods_supported: ['plain', 'S256'],
    });
  });

  it('names the origin it is served at', async () => {
    const origin = 'http://127.0.0.1:4321';
    cloud = new FakeCloud({
      origins: { mcp: origin, api: origin, site: origin, auth: origin, gen1Auth: origin },
    });
    const doc = await getJson(`${origin}/.well-known/oauth-protected-resource/v1/mcp`);
    expect(doc.body.resource).toBe(`${origin}/v1/mcp`);
    expect(doc.body.authorization_servers).toEqual([`${origin}/${cloud.auth.tenant}`]);
  });
});

describe('registration and authorization', () => {
  it('refuses a redirect URI that is neither https nor loopback, naming it', async () => {
    cloud = new FakeCloud();
    const refused = await oauthFlow(cloud).register('gen2', { redirect_uris: ['http://example.test/cb'] });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: 'invalid_redirect_uri' });
    expect(String(refused.body.error_description)).toContain('http://example.test/cb');
  });

  it('authv2 refuses plain PKCE; gen-1 takes it', async () => {
    cloud = new FakeCloud();
    const v2 = await oauthFlow(cloud).authorize({ generation: 'gen2', method: 'plain' });
    expect(v2.query?.get('error')).toBe('invalid_request');
    expect(v2.query?.get('error_description')).toMatch(/plain.*S256/);
    expect(v2.query?.get('state')).toBe('state-1');
    await cloud.close();
    cloud = new FakeCloud({ profile: gen1Profile() });
    expect(
      (await oauthFlow(cloud).authorize({ generation: 'gen1', method: 'plain' })).query?.get('code'),
    ).toMatch(/^\S{16,}$/);
  });

  it('a denied consent comes back as access_denied with the state', async () => {
    cloud = new FakeCloud();
    cloud.auth.consent = { decision: 'deny', user: 'member' };
    const denied = await oauthFlow(cloud).authorize({ generation: 'gen2' });
    expect(denied.query?.get('error')).toBe('access_denied');
    expect(denied.query?.get('state')).toBe('state-1');
  });

  it('signs in whoever login_hint names, and the token speaks for that account', async () => {
    cloud = new FakeCloud();
    const viewer = cloud.store.userByHandle('viewer');
    const { body } = await oauthFlow(cloud).login({ generation: 'gen2', loginHint: viewer?.email ?? '' });
    const check = cloud.tokens.verifyAccess(String(body.access_token));
    expect(check.ok && check.grant.accountId).toBe(viewer?.accountId);
  });
});

describe('tokens', () => {
  it('rotates refresh tokens; a replay is invalid_grant (403 on authv2) and revokes the whole grant', async () => {
    cloud = new FakeCloud();
    const flow = oauthFlow(cloud);
    const first = await flow.login({ generation: 'gen2' });
    const refresh = (token: unknown) =>
      flow.token('gen2', {
        grant_type: 'refresh_token',
        refresh_token: String(token),
        client_id: first.clientId,
      });
    const second = await refresh(first.body.refresh_token);
    expect(second.status).toBe(200);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    const replay = await refresh(first.body.refresh_token);
    expect(replay).toMatchObject({ status: 403, body: { error: 'invalid_grant' } });
    expect((await refresh(second.body.refresh_token)).status).toBe(403);
    expect(cloud.tokens.verifyAccess(String(second.body.access_token))).toMatchObject({ reason: 'revoked' });
  });

  it('gen-1 answers a bad refresh token with 400 and refuses unregistered clients', async () => {
    cloud = new FakeCloud({ profile: gen1Profile() });
    const flow = oauthFlow(cloud);
    const first = await flow.login({ generation: 'gen1' });
    expect(String(first.body.access_token)).toMatch(/^[^:]+:[^:]+:[^:]+$/);
    expect(
      (
        await flow.token('gen1', {
          grant_type: 'refresh_token',
          refresh_token: 'nope',
          client_id: first.clientId,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await flow.token('gen1', {
          grant_type: 'refresh_token',
          refresh_token: 'nope',
          client_id: 'stranger',
        })
      ).body.error,
    ).toBe('invalid_client');
  });

  it('revocation (RFC 7009) ends the grant, and answers 200 for unknown tokens too', async () => {
    cloud = new FakeCloud();
    const flow = oauthFlow(cloud);
    const { body, clientId } = await flow.login({ generation: 'gen2' });
    const revoke = (token: string) =>
      flow.send('https://auth.atlassian.com/oauth/revoke', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: clientId }).toString(),
      });
    expect((await revoke(String(body.refresh_token))).status).toBe(200);
    expect(cloud.tokens.verifyAccess(String(body.access_token)).ok).toBe(false);
    expect((await revoke('never-issued')).status).toBe(200);
  });
});
