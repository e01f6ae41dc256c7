import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { importMcpRemoteCache, mcpRemoteKey } from './mcp-remote-cache.ts';
import { MemoryTokenStore } from './token-store.ts';

const URL_ = 'http://127.0.0.1:4000/v1/mcp';

it('keys files by the md5 of the server URL, as mcp-remote does', () => {
  expect(mcpRemoteKey('https://mcp.atlassian.com/v1/mcp')).toBe('01910c24c5f2edcaf999bd1eaaeaeee8');
});

it('imports the newest layout holding both files', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-auth-'));
  for (const v of ['mcp-remote-v1', 'mcp-remote-0.1.37']) mkdirSync(join(root, v));
  const key = mcpRemoteKey(URL_);
  const at = (v: string, f: string) => join(root, v, `${key}_${f}`);
  writeFileSync(
    at('mcp-remote-v1', 'tokens.json'),
    JSON.stringify({ access_token: 'a1', token_type: 'bearer', refresh_token: 'r1', expires_at: 1 }),
  );
  writeFileSync(
    at('mcp-remote-v1', 'client_info.json'),
    JSON.stringify({ client_id: 'c1', redirect_uris: ['http://localhost:3334/oauth/callback'] }),
  );
  const store = new MemoryTokenStore();
  const from = importMcpRemoteCache({ serverUrl: URL_, into: store, configDir: root });
  expect(from.tokensFile).toContain('mcp-remote-v1');
  expect(store.load()).toMatchObject({
    serverUrl: URL_,
    tokens: { access_token: 'a1', refresh_token: 'r1' },
    clientInformation: { client_id: 'c1' },
  });
});

it('says how to get a cache when there is none, and names a damaged file', () => {
  const root = mkdtempSync(join(tmpdir(), 'mcp-auth-'));
  expect(() =>
    importMcpRemoteCache({ serverUrl: URL_, into: new MemoryTokenStore(), configDir: root }),
  ).toThrow(/no mcp-remote sign-in[\s\S]*npx mcp-remote/);
  mkdirSync(join(root, 'mcp-remote-v1'));
  const key = mcpRemoteKey(URL_);
  writeFileSync(join(root, 'mcp-remote-v1', `${key}_tokens.json`), JSON.stringify({ token_type: 'bearer' }));
  writeFileSync(
    join(root, 'mcp-remote-v1', `${key}_client_info.json`),
    JSON.stringify({ client_id: 'c1', redirect_uris: ['http://localhost:1/cb'] }),
  );
  expect(() =>
    importMcpRemoteCache({ serverUrl: URL_, into: new MemoryTokenStore(), configDir: root }),
  ).toThrow(/_tokens\.json is not an mcp-remote cache file[\s\S]*access_token/);
});
