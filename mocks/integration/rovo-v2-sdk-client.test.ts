// A client written independently of the harness: the MCP SDK's Client against `npm run mock`'s
// process, reading only what the mock prints. Nothing here imports harness/ or the mock's code.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

const BIN = join(import.meta.dirname, '../../bin/rovo-mcp-conformance.js');
const MockLine = z.object({
  v2Url: z.string().url(),
  cloudId: z.string(),
  identities: z.array(z.object({ name: z.string(), email: z.string(), apiToken: z.string() })),
});

const PRIMARY = [
  'atlassianUserInfo',
  'getAccessibleAtlassianResources',
  'search',
  'discover',
  'executeRead',
  'executeWrite',
  'executeDestructive',
  'getGraphContext',
  'getGraphObject',
  'addGraphContext',
  'getLoomVideo',
  'getJiraIssue',
  'searchJiraIssuesUsingJql',
  'createJiraIssue',
  'editJiraIssue',
  'transitionJiraIssue',
  'addOrEditJiraIssueComment',
  'getConfluenceContent',
  'createConfluenceContent',
  'updateConfluenceContent',
  'searchConfluence',
];

let mock: ChildProcess;
let info: z.infer<typeof MockLine>;
const clients: Client[] = [];

beforeAll(async () => {
  mock = spawn(process.execPath, [BIN, 'mock', '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: mock.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    info = MockLine.parse(JSON.parse(line));
    break;
  }
}, 60_000);

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  mock.kill('SIGTERM');
});

const basic = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

async function connect(authorization: string, query = ''): Promise<Client> {
  const client = new Client({ name: 'independent-v2-client', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${info.v2Url}${query}`), {
    requestInit: { headers: { authorization } },
  });
  await client.connect(transport);
  clients.push(client);
  return client;
}

function member() {
  const who = info.identities.find((i) => i.name === 'member');
  if (!who) throw new Error('the mock printed no member identity');
  return basic(who.email, who.apiToken);
}

/** A tool result's JSON text, and whether it is an error. */
async function call(client: Client, name: string, args: Record<string, unknown>) {
  const result = CallToolResultSchema.parse(await client.callTool({ name, arguments: args }));
  const first = result.content[0];
  const text = first?.type === 'text' ? first.text : '';
  return {
    isError: result.isError === true,
    json: z.record(z.string(), z.unknown()).parse(JSON.parse(text)),
  };
}

describe('an SDK client against the mock process at /v2/mcp', () => {
  it('gets the 401 challenge naming the v2 protected-resource metadata, which names /v2/mcp and 38 scopes', async () => {
    const response = await fetch(info.v2Url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    });
    expect(response.status).toBe(401);
    const header = response.headers.get('www-authenticate') ?? '';
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(header)?.[1];
    expect(metadataUrl).toBe(`${new URL(info.v2Url).origin}/.well-known/oauth-protected-resource/v2/mcp`);
    const metadata = z
      .object({ resource: z.string(), scopes_supported: z.array(z.string()) })
      .parse(await (await fetch(metadataUrl ?? '')).json());
    expect(metadata.resource).toBe(info.v2Url);
    expect(metadata.scopes_supported).toHaveLength(38);
    expect(metadata.scopes_supported).toContain('delete:jira:agent-interface');
  });

  it('initializes with Basic auth and lists the 21 primary tools', async () => {
    const client = await connect(member());
    expect(client.getServerVersion()).toEqual({ name: 'atlassian-mcp-server', version: '2.0.0' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([...PRIMARY].sort());
    const create = tools.find((t) => t.name === 'createJiraIssue');
    expect(create?.inputSchema.required).toEqual(['cloudId', 'projectKey', 'issueType', 'summary']);
  });

  it('creates an issue with issueType, links it through executeWrite after discover, and is refused through executeRead', async () => {
    const client = await connect(member());
    const cloudId = info.cloudId;
    const a = await call(client, 'createJiraIssue', {
      cloudId,
      projectKey: 'DEMO',
      issueType: 'Task',
      summary: 'v2 client A',
    });
    const b = await call(client, 'createJiraIssue', {
      cloudId,
      projectKey: 'DEMO',
      issueType: 'Task',
      summary: 'v2 client B',
    });
    expect(a.isError).toBe(false);
    expect(a.json.key).toMatch(/^DEMO-\d+$/);

    const found = await call(client, 'discover', { query: 'link two Jira issues together' });
    const ops = z
      .object({ operations: z.array(z.object({ name: z.string(), tier: z.string() })) })
      .parse(found.json);
    expect(ops.operations[0]).toMatchObject({ name: 'createJiraIssueLink', tier: 'write' });

    const inputs = { linkType: 'Blocks', inwardIssue: a.json.key, outwardIssue: b.json.key };
    const viaRead = await call(client, 'executeRead', { name: 'createJiraIssueLink', cloudId, inputs });
    expect(viaRead.isError).toBe(true);
    expect(viaRead.json.message).toContain('call it with executeWrite');
    const linked = await call(client, 'executeWrite', { name: 'createJiraIssueLink', cloudId, inputs });
    expect(linked.isError).toBe(false);
    const issue = await call(client, 'getJiraIssue', {
      cloudId,
      issueIdOrKey: a.json.key,
      fields: ['issuelinks'],
      // The compact view (the default) leaves issue links out (T-VIEW).
      view: 'full',
    });
    expect(JSON.stringify(issue.json)).toContain(String(b.json.key));
  });

  it('drops an unknown key in inputs without an error, and refuses a v1 name', async () => {
    const client = await connect(member());
    const cloudId = info.cloudId;
    const read = await call(client, 'executeRead', {
      name: 'listJiraIssueTransitions',
      cloudId,
      inputs: { issueIdOrKey: 'DEMO-1', noSuchInput: true },
    });
    expect(read.isError).toBe(false);
    expect(read.json.transitions).toEqual(expect.any(Array));
    const v1 = await call(client, 'executeRead', {
      name: 'getTransitionsForJiraIssue',
      cloudId,
      inputs: { issueIdOrKey: 'DEMO-1' },
    });
    expect(v1.isError).toBe(true);
    expect(v1.json.message).toContain('Unknown operation "getTransitionsForJiraIssue"');
  });

  it('pages ?tools=all in pages of 50, without the meta-tools', async () => {
    const client = await connect(member(), '?tools=all');
    const sizes: number[] = [];
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor === undefined ? {} : { cursor });
      sizes.push(page.tools.length);
      names.push(...page.tools.map((t) => t.name));
      cursor = page.nextCursor;
    } while (cursor !== undefined && sizes.length < 20);
    expect(sizes.slice(0, -1).every((n) => n === 50)).toBe(true);
    expect(sizes.at(-1)).toBeLessThanOrEqual(50);
    expect(names).toContain('createJiraIssueLink');
    expect(names).not.toContain('discover');
    expect(new Set(names).size).toBe(names.length);
  });

  it('denies a read-only token the write tools: hidden from tools/list, insufficient_scope through executeWrite', async () => {
    const client = await connect(
      basic('max.member@acme-conformance.example', 'ATATT-fixture-member-readonly-6c1e9b3d7a20f4e8'),
    );
    const names = (await client.listTools()).tools.map((t) => t.name);
    expect(names).toContain('getJiraIssue');
    expect(names).not.toContain('createJiraIssue');
    const refused = await call(client, 'executeWrite', {
      name: 'createJiraIssueLink',
      cloudId: info.cloudId,
      inputs: { linkType: 'Blocks', inwardIssue: 'DEMO-1', outwardIssue: 'DEMO-2' },
    });
    expect(refused).toEqual({
      isError: true,
      json: {
        error: true,
        message:
          'insufficient_scope: operation "createJiraIssueLink" needs the write_jira permission group, which the token\'s scopes do not grant.',
      },
    });
  });
});
