import { expect } from 'vitest';
import {
  asMetadataLocations,
  describesEndpoint,
  fetchAuthorizationServer,
  fetchProtectedResource,
  initializeWith,
  parseChallenge,
  prmLocations,
  type Challenge,
} from '../../harness/scenario/oauth-probes.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** What a client finds before it has a token: the 401 challenge and the discovery documents. */

/** A challenge's parameters for evidence; "Bearer" is kept apart, or redaction would take it for a token. */
const params = (challenge: Challenge | undefined) =>
  Object.entries(challenge?.params ?? {})
    .map(([k, v]) => `${k}="${v}"`)
    .join(', ');

const published = async (endpoint: URL) =>
  (await Promise.all(prmLocations(endpoint).map(fetchProtectedResource))).filter((p) => p.document);

verifies('auth.discovery.metadata', async (ctx) => {
  const endpoint = ctx.probe().url;
  const shortfalls: string[] = [];
  const resources = await published(endpoint);
  let server = endpoint.origin;
  if (resources.length === 0) {
    shortfalls.push('no protected-resource metadata (RFC 9728), so clients fall back to the origin');
  } else {
    for (const r of resources)
      expect(
        describesEndpoint(r.document?.resource ?? '', endpoint),
        `${r.url} describes ${endpoint.href}`,
      ).toBe(true);
    const named = resources[0]?.document?.authorization_servers?.[0];
    expect(named, 'the protected-resource metadata names an authorization server').toMatch(
      /^https?:\/\/\S+$/,
    );
    server = named ?? server;
    if (resources.length < prmLocations(endpoint).length)
      shortfalls.push(`protected-resource metadata only at ${resources.map((r) => r.url).join(', ')}`);
  }

  const locations = await Promise.all(asMetadataLocations(server).map(fetchAuthorizationServer));
  const answered = locations.filter((l) => l.document);
  expect(
    answered.length,
    `authorization-server metadata for ${server}: ${locations.map((l) => `${l.url} ${l.problem ?? 'ok'}`).join('; ')}`,
  ).toBeGreaterThan(0);
  for (const l of answered)
    expect(l.document, `${l.url} serves the same document`).toEqual(answered[0]?.document);
  if (answered.length < locations.length)
    shortfalls.push(`metadata answers only at ${answered.map((l) => l.url).join(', ')}`);
  const meta = answered[0]?.document;
  if (!meta) throw new Error('unreachable: metadata was asserted above');
  expect(meta.response_types_supported, 'the code flow').toContain('code');
  expect(meta.code_challenge_methods_supported ?? [], 'PKCE S256').toContain('S256');
  expect(meta.grant_types_supported ?? [], 'authorization_code and refresh_token grants').toEqual(
    expect.arrayContaining(['authorization_code', 'refresh_token']),
  );
  if (!meta.registration_endpoint) shortfalls.push('no registration endpoint (dynamic client registration)');
  if (meta.issuer.replace(/\/$/, '') !== server.replace(/\/$/, ''))
    shortfalls.push(
      `the issuer "${meta.issuer}" is not "${server}", the server the metadata was fetched for (RFC 8414 3.3): strict clients refuse it`,
    );
  ctx.note('authorizationServer', server);
  ctx.note('issuer', meta.issuer);
  const found = `${resources.length > 0 ? `protected-resource metadata at ${resources.length} location(s) names ${server}` : `metadata at the origin ${server}`}; RFC 8414 metadata at ${answered.length} of ${locations.length} location(s) with the code flow, PKCE S256 and refresh tokens`;
  if (shortfalls.length === 0) return supported(found);
  return partial(
    `${found}, but ${shortfalls.join('; ')}`,
    'a client that tolerates this: the MCP TypeScript SDK 1.x signs in (auth.oauth.sign-in) because it does not compare the issuer',
  );
});

verifies('auth.challenge.unauthorized', async (ctx) => {
  const probe = ctx.probe();
  const endpoint = probe.url;
  const answer = await initializeWith(probe, undefined);
  expect(answer.status, 'a request without credentials gets 401').toBe(401);
  const header = answer.headers.get('www-authenticate');
  const challenge = parseChallenge(header);
  expect(challenge?.scheme.toLowerCase(), `a Bearer challenge (WWW-Authenticate: ${header})`).toBe('bearer');
  expect(challenge?.params.error ?? 'invalid_token', 'error="invalid_token" when an error is named').toBe(
    'invalid_token',
  );
  const metadataUrl = challenge?.params.resource_metadata;
  if (metadataUrl) {
    const prm = await fetchProtectedResource(metadataUrl);
    expect(prm.problem, `resource_metadata ${metadataUrl} serves a document`).toBeUndefined();
    expect(typeof prm.document?.resource, `resource_metadata ${metadataUrl} names its resource`).toBe(
      'string',
    );
    expect(describesEndpoint(prm.document?.resource ?? '', endpoint), `it describes ${endpoint.href}`).toBe(
      true,
    );
    return supported(
      `401, challenge (Bearer) ${params(challenge)}; its resource_metadata describes ${prm.document?.resource}`,
    );
  }
  const documents = await published(endpoint);
  expect(
    documents.map((d) => d.url),
    'the challenge must point at the protected-resource metadata the server publishes',
  ).toEqual([]);
  return partial(
    `401, challenge (Bearer) ${params(challenge)}, without resource_metadata; the server publishes no protected-resource metadata`,
    'clients discover the authorization server at the origin (MCP 2025-03-26 discovery)',
  );
});

verifies('auth.tokens.rejected', async (ctx) => {
  const probe = ctx.probe();
  const cloud = ctx.mock('expiring an access token on demand');
  const { provider } = await ctx.oauth();
  const expired = provider.tokens()?.access_token ?? '';
  cloud.tokens.expireAccessTokens();
  const cases: [string, string][] = [
    ['a made-up bearer token', 'Bearer not-a-real-token-0000000000'],
    ['a malformed Authorization header', 'Bearer'],
    ['an expired access token', `Bearer ${expired}`],
  ];
  for (const [what, authorization] of cases) {
    const answer = await initializeWith(probe, authorization);
    expect(answer.status, `${what} gets 401`).toBe(401);
    expect(
      parseChallenge(answer.headers.get('www-authenticate'))?.params.error,
      `${what}: invalid_token`,
    ).toBe('invalid_token');
    expect(answer.headers.get('mcp-session-id'), `${what} opens no session`).toBeNull();
    expect(
      answer.messages.some((m) => typeof m === 'object' && m !== null && 'result' in m),
      `${what} gets no data`,
    ).toBe(false);
  }
  return supported(
    `${cases.map(([what]) => what).join(', ')} were each refused with 401 invalid_token, no session and no data`,
  );
});
