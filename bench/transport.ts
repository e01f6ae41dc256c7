import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { FakeCloud } from '../mocks/cloud.ts';
import { createRovoServer } from '../mocks/rovo/server.ts';
import { rovoTools } from '../mocks/rovo/tools/index.ts';
import { withMswSession } from './msw-session.ts';
import type { Bench } from './stats.ts';
import { percentile, ms, timeIt } from './stats.ts';

const CALLS = 2000;

export async function callsPerSecond(call: () => Promise<unknown>, n = CALLS): Promise<number> {
  for (let i = 0; i < 50; i++) await call();
  const elapsed = await timeIt(async () => {
    for (let i = 0; i < n; i++) await call();
  });
  return (n * 1000) / elapsed;
}

/** Tool calls per second through the msw mount vs the SDK's in-memory transport to the same server. */
export const transportBench: Bench = {
  title: 'Tool-call throughput: msw mount vs InMemoryTransport',
  async run() {
    const viaMsw = await withMswSession((session, cloudId) =>
      callsPerSecond(() => session.callTool('getIssueLinkTypes', { cloudId })),
    );

    const memCloud = new FakeCloud();
    const member = memCloud.store.userByHandle('member');
    if (!member) throw new Error('fixture has no member');
    const caller = { user: member, tools: rovoTools(memCloud.profile) };
    const server = createRovoServer({
      store: memCloud.store,
      profile: memCloud.profile,
      callerOf: () => caller,
    });
    const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
    await server.connect(serverSide);
    const client = new Client({ name: 'bench', version: '0' });
    await client.connect(clientSide);
    const viaMemory = await callsPerSecond(() =>
      client.callTool({ name: 'getIssueLinkTypes', arguments: { cloudId: memCloud.store.site.cloudId } }),
    );
    await client.close();
    await server.close();
    return [
      { name: 'msw mount (SSE framing)', value: `${viaMsw.toFixed(0)} calls/s` },
      { name: 'InMemoryTransport', value: `${viaMemory.toFixed(0)} calls/s` },
      {
        name: 'ratio in-memory / msw',
        value: `${(viaMemory / viaMsw).toFixed(1)}x`,
        note: `${CALLS} sequential getIssueLinkTypes calls each`,
      },
    ];
  },
};

/** p50/p95 of createJiraIssue and of a JQL search through the msw mount. */
export const latencyBench: Bench = {
  title: 'Latency through the msw mount',
  run: () =>
    withMswSession(async (session, cloudId) => {
      const create: number[] = [];
      const search: number[] = [];
      for (let i = 0; i < 300; i++) {
        const args = {
          cloudId,
          projectKey: 'SBX',
          issueTypeName: 'Task',
          summary: `bench ${i}`,
          additional_fields: { labels: ['bench'] },
        };
        create.push(await timeIt(() => session.callTool('createJiraIssue', args)));
      }
      const query = {
        cloudId,
        jql: 'project = SBX AND labels = bench ORDER BY created DESC',
        maxResults: 50,
      };
      for (let i = 0; i < 300; i++)
        search.push(await timeIt(() => session.callTool('searchJiraIssuesUsingJql', query)));
      const p50p95 = (samples: number[]) => `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`;
      return [
        { name: 'createJiraIssue p50 / p95', value: p50p95(create), note: '300 calls' },
        {
          name: 'searchJiraIssuesUsingJql p50 / p95',
          value: p50p95(search),
          note: '300 calls, 50 of ~300 matching issues per page',
        },
      ];
    }),
};
