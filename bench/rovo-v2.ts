import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { FakeCloud } from '../mocks/cloud.ts';
import type { Bench, Figure } from './stats.ts';
import { ms, percentile, timeIt } from './stats.ts';

const RUNS = 30;

async function samples(fn: () => Promise<unknown>): Promise<number[]> {
  await fn(); // warm-up: the first call pays for the session's lazy work
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) out.push(await timeIt(fn));
  return out;
}

const spread = (s: number[]) => `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))}`;

/** /v2/mcp on an in-process fake cloud (no sockets): discover, execute* against a primary tool, tools=all paging. */
export const rovoV2Bench: Bench = {
  title: `Rovo v2 mock at /v2/mcp, in process (p50 / p95 of ${RUNS})`,
  run: async () => {
    const cloud = new FakeCloud();
    const admin = cloud.store.userByHandle('admin');
    const connect = async (path: string) => {
      const client = new Client({ name: 'bench', version: '1' });
      await client.connect(
        new StreamableHTTPClientTransport(new URL(path, cloud.origins.mcp), {
          requestInit: {
            headers: {
              authorization: `Basic ${Buffer.from(`${admin?.email}:${admin?.apiToken}`).toString('base64')}`,
            },
          },
          fetch: (input, init) => cloud.handle(new Request(input, init)),
        }),
      );
      return client;
    };
    try {
      const client = await connect('/v2/mcp');
      const cloudId = cloud.store.site.cloudId;
      const discover = await samples(() =>
        client.callTool({ name: 'discover', arguments: { query: 'link two Jira issues together' } }),
      );
      const primary = await samples(() =>
        client.callTool({ name: 'getJiraIssue', arguments: { cloudId, issueIdOrKey: 'DEMO-1' } }),
      );
      const executed = await samples(() =>
        client.callTool({
          name: 'executeRead',
          arguments: { name: 'getJiraIssue', cloudId, inputs: { issueIdOrKey: 'DEMO-1' } },
        }),
      );
      const flat = await connect('/v2/mcp?tools=all');
      let pages = 0;
      let tools = 0;
      const paging = await samples(async () => {
        pages = 0;
        tools = 0;
        let cursor: string | undefined;
        do {
          const page = await flat.listTools(cursor === undefined ? {} : { cursor });
          pages++;
          tools += page.tools.length;
          cursor = page.nextCursor;
        } while (cursor !== undefined);
      });
      await client.close();
      await flat.close();
      const figures: Figure[] = [
        { name: 'discover (catalogue only)', value: spread(discover) },
        { name: 'getJiraIssue as a primary tool', value: spread(primary) },
        { name: 'getJiraIssue through executeRead', value: spread(executed) },
        { name: 'tools=all: every page', value: spread(paging), note: `${pages} pages, ${tools} tools` },
      ];
      return figures;
    } finally {
      await cloud.close();
    }
  },
};
