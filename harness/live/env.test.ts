import { expect, it } from 'vitest';
import { liveConfig } from './env.ts';

const URL_ = 'https://mcp.atlassian.com/v1/mcp';
const base = {
  ATLASSIAN_SITE: 'acme.atlassian.net',
  ATLASSIAN_EMAIL: 'a@b.example',
  ATLASSIAN_API_TOKEN: 'tok-123456',
};

it('reads Basic credentials, the site as host or cloudId, the sandbox and the restricted identity', () => {
  const config = liveConfig(URL_, {
    ...base,
    ATLASSIAN_SITE: 'https://acme.atlassian.net/jira/your-work',
    ATLASSIAN_SANDBOX_PROJECT: 'SBX',
    ATLASSIAN_RESTRICTED_EMAIL: 'r@b.example',
    ATLASSIAN_RESTRICTED_API_TOKEN: 'tok-654321',
  });
  expect(config).toMatchObject({
    site: { host: 'acme.atlassian.net' },
    sandboxProject: 'SBX',
    sandboxSpace: undefined,
    auth: { kind: 'basic' },
  });
  expect(Object.keys(config.identities).sort()).toEqual(['outsider', 'viewer']);
  expect(config.apiUrl.href).toBe('https://api.atlassian.com/');
  expect(liveConfig(URL_, { ...base, ATLASSIAN_SITE: '5C3F8A1E-7B2D-4E9A-9C61-2F0D8B4E7A13' }).site).toEqual({
    cloudId: '5c3f8a1e-7b2d-4e9a-9c61-2f0d8b4e7a13',
  });
});

it.each([
  [{ ...base, ATLASSIAN_SITE: '' }, /ATLASSIAN_SITE is not set/],
  [{ ...base, ATLASSIAN_API_TOKEN: '' }, /ATLASSIAN_API_TOKEN is not set, but ATLASSIAN_EMAIL is/],
  [{ ...base, ATLASSIAN_SANDBOX_SPACE: 'my space' }, /ATLASSIAN_SANDBOX_SPACE must be a key in capitals/],
  [{ ...base, ATLASSIAN_API_URL: 'ftp://x' }, /ATLASSIAN_API_URL is not an http\(s\) URL/],
  [{ ...base, ATLASSIAN_OAUTH_STORE: '/nowhere.json' }, /choose one/],
  [
    { ATLASSIAN_SITE: 'acme.atlassian.net', ATLASSIAN_OAUTH_STORE: '/nowhere.json' },
    /does not exist: sign in with `npx rovo-mcp-conformance login/,
  ],
  [
    { ATLASSIAN_SITE: 'acme.atlassian.net', XDG_CONFIG_HOME: '/nonexistent' },
    /no credentials for .*set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN.*login/,
  ],
])('a bad environment names the variable and what to do: %#', (env, message) => {
  expect(() => liveConfig(URL_, env)).toThrow(message);
});
