import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { CallToolResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, expect, it } from 'vitest';
import { FakeCloud } from '../../cloud.ts';
import { AUDIENCE } from '../../rovo/oauth/endpoints.ts';
import { v2Variants } from './index.ts';

const clouds: FakeCloud[] = [];
afterEach(async () => {
  await Promise.all(clouds.splice(0).map((c) => c.close()));
});

async function client(cloud: FakeCloud, authorization: string, path = '/v2/mcp') {
  const c = new Client({ name: 'v2-variant-probe', version: '1.0.0' });
  await c.connect(
    new StreamableHTTPClientTransport(new URL(path, cloud.origins.mcp), {
      requestInit: { headers: { authorization } },
      fetch: (input, init) => cloud.handle(new Request(input, init)),
    }),
  );
  return c;
}

function basicOf(cloud: FakeCloud, handle: string): string {
  const user = [...cloud.store.users.values()].find((u) => u.handle === handle);
  return `Basic ${Buffer.from(`${user?.email}:${user?.apiToken}`).toString('base64')}`;
}

async function callText(cloud: FakeCloud, tool: string, args: Record<string, unknown>): Promise<string> {
  const c = await client(cloud, basicOf(cloud, 'admin'));
  const result = CallToolResultSchema.parse(await c.callTool({ name: tool, arguments: args }));
  return JSON.stringify(result);
}

const execute = (cloud: FakeCloud, tool: string, name: string, inputs: Record<string, unknown>) =>
  callText(cloud, tool, { name, cloudId: cloud.store.site.cloudId, inputs });

/** What each variant changes, observed as a client would observe it. */
const probes: Record<string, (cloud: FakeCloud) => Promise<string>> = {
  'v2-unknown-inputs-refused': (cloud) =>
    execute(cloud, 'executeRead', 'listJiraIssueTransitions', { issueIdOrKey: 'DEMO-1', extra: 1 }),
  'v2-write-through-execute-read': (cloud) =>
    execute(cloud, 'executeRead', 'createJiraIssueLink', {
      linkType: 'Relates',
      inwardIssue: 'DEMO-1',
      outwardIssue: 'DEMO-2',
    }),
  'v2-v1-names-aliased': (cloud) =>
    execute(cloud, 'executeRead', 'getTransitionsForJiraIssue', { issueIdOrKey: 'DEMO-1' }),
  'v2-disabled-groups-enabled': (cloud) => callText(cloud, 'discover', { query: 'delete an issue' }),
  'v2-tools-all-page-size': async (cloud) =>
    String(
      (await (await client(cloud, basicOf(cloud, 'admin'), '/v2/mcp?tools=all')).listTools()).tools.length,
    ),
  'v2-v1-token-accepted': async (cloud) => {
    const member = [...cloud.store.users.values()].find((u) => u.handle === 'member');
    const v1 = cloud.tokens.issue({
      accountId: member?.accountId ?? '',
      clientId: 'probe',
      scopes: ['read:jira:agent-interface'],
      audience: AUDIENCE.gen2,
    });
    const response = await cloud.handle(
      new Request(new URL('/v2/mcp', cloud.origins.mcp), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${v1.access_token}`,
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
        },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      }),
    );
    return String(response.status);
  },
  'v2-challenge-names-v1-metadata': async (cloud) =>
    (await cloud.handle(new Request(new URL('/v2/mcp', cloud.origins.mcp), { method: 'POST' }))).headers.get(
      'www-authenticate',
    ) ?? '',
  'v2-search-five-node-cap': (cloud) =>
    callText(cloud, 'searchJiraIssuesUsingJql', {
      cloudId: cloud.store.site.cloudId,
      jql: 'project = DEMO OR project = OPS ORDER BY key',
      maxResults: 50,
    }),
  'v2-issue-view-full': (cloud) =>
    callText(cloud, 'getJiraIssue', { cloudId: cloud.store.site.cloudId, issueIdOrKey: 'DEMO-2' }),
  'v2-product-errors-specific': (cloud) =>
    callText(cloud, 'getJiraIssue', { cloudId: cloud.store.site.cloudId, issueIdOrKey: 'DEMO-99999' }),
};

it('every pending v2 variant has a probe, and the names are unique', () => {
  expect(Object.keys(probes).sort()).toEqual(v2Variants.map((v) => v.name).sort());
});

it.each(v2Variants.map((v) => [v.name, v] as const))(
  '%s changes what a client observes',
  async (_name, variant) => {
    const probe = probes[variant.name];
    if (!probe) throw new Error(`no probe for ${variant.name}`);
    const healthy = new FakeCloud();
    const broken = new FakeCloud();
    clouds.push(healthy, broken);
    variant.apply(broken);
    expect(await probe(broken)).not.toEqual(await probe(healthy));
  },
);
