import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { expect, it } from 'vitest';
import { z } from 'zod';
import { freePort } from '../../mocks/mounts/loopback.ts';
import { connect } from '../connect/session.ts';
import { HEADLESS_REDIRECT } from './identity.ts';
import { importMcpRemoteCache } from './mcp-remote-cache.ts';
import { startMockProcess } from '../cli/mock-process.ts';
import { HarnessOAuthProvider } from './provider.ts';
import { MemoryTokenStore } from './token-store.ts';

/**
 * A real OAuth client in another process: mcp-remote (pinned dev dependency) in front of `npm run mock`.
 * The test plays the browser: it reads the authorization URL mcp-remote prints, opens it (the mock's
 * authorize page consents at once) and follows the redirect to mcp-remote's own callback server.
 */
const PROXY = join(import.meta.dirname, '../../node_modules/mcp-remote/dist/proxy.js');

function mcpRemote(url: string, configDir: string, port: number) {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [PROXY, url, String(port), '--auth-timeout', '30'],
    env: { ...process.env, MCP_REMOTE_CONFIG_DIR: configDir, BROWSER: 'true', DISPLAY: '' },
    stderr: 'pipe',
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    const before = stderr;
    stderr += chunk.toString();
    const url = /Please authorize this client by visiting:\s*\n(\S+)/.exec(stderr)?.[1];
    if (url && !/Please authorize this client by visiting:\s*\n\S+/.test(before))
      void (async () => {
        const authorize = await fetch(url, { redirect: 'manual' });
        await fetch(authorize.headers.get('location') ?? '');
      })();
  });
  return { transport, stderr: () => stderr };
}

const UserInfo = z.object({ content: z.array(z.object({ type: z.literal('text'), text: z.string() })) });

it('mcp-remote signs in to npm run mock (compliant issuer), lists tools, calls one; the harness reuses its cache', async () => {
  await using mock = await startMockProcess(['--compliant-issuer']);
  const configDir = mkdtempSync(join(tmpdir(), 'mcp-auth-'));
  const remote = mcpRemote(mock.info.url, configDir, await freePort());
  const client = new Client({ name: 'mcp-remote-test', version: '0' });
  try {
    await client.connect(remote.transport);
    const tools = (await client.listTools()).tools.map((t) => t.name);
    expect(tools).toContain('createJiraIssue');
    const me = UserInfo.parse(await client.callTool({ name: 'atlassianUserInfo', arguments: {} }));
    expect(me.content[0]?.text).toContain('max.member@acme-conformance.example');
  } finally {
    await client.close();
  }

  const store = new MemoryTokenStore();
  importMcpRemoteCache({ serverUrl: mock.info.url, into: store, configDir });
  const provider = new HarnessOAuthProvider({
    store,
    serverUrl: mock.info.url,
    redirectUrl: HEADLESS_REDIRECT,
  });
  const session = await connect(
    {
      name: 'npm run mock',
      kind: 'http',
      dialect: 'rovo',
      url: mock.info.url,
      reason: 'mcp-remote cache import',
    },
    { credentials: { kind: 'oauth', provider, client: 'harness' }, requestTimeoutMs: 10_000 },
  );
  const again = UserInfo.parse(await session.callTool('atlassianUserInfo', {}));
  expect(again.content[0]?.text).toContain('max.member@acme-conformance.example');
  expect(provider.stats.codeExchanges, 'no new sign-in was needed').toBe(0);
  await session.close();
}, 90_000);

it('mcp-remote refuses the real issuer mismatch (atlassian-mcp-server#205), as strict clients do', async () => {
  await using mock = await startMockProcess();
  const remote = mcpRemote(mock.info.url, mkdtempSync(join(tmpdir(), 'mcp-auth-')), await freePort());
  const client = new Client({ name: 'mcp-remote-test', version: '0' });
  await expect(client.connect(remote.transport)).rejects.toThrow();
  expect(remote.stderr()).toMatch(/IssuerMismatchError: Issuer mismatch in authorization server metadata/);
  await client.close().catch(() => undefined);
}, 90_000);
