import { connect } from '../harness/connect/session.ts';
import { closeMockRuntime, freshCloud, mockSiteFacts } from '../harness/targets/mock-runtime.ts';
import { countIssues, searchIssues } from '../mocks/atlassian/jira/search.ts';
import { generateIssues } from '../mocks/atlassian/seed/generate.ts';
import type { Bench, Figure } from './stats.ts';
import { ms, percentile, timeIt } from './stats.ts';

const TARGET = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'bench' } as const;
const ISSUES = 100_000;
const SEED = 20_261_118;
const RUNS = 30;

const QUERIES = [
  { name: 'selective', jql: 'labels = rare-42 AND project in (DEMO, OPS, SBX)' },
  {
    name: 'broad + ORDER BY',
    jql: 'project in (DEMO, OPS, SBX) AND status != Done ORDER BY priority DESC, created ASC',
  },
];

async function samples(runs: number, fn: () => Promise<unknown>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) out.push(await timeIt(fn));
  return out;
}

const spread = (s: number[]) => `${ms(percentile(s, 50))} / ${ms(percentile(s, 95))}`;

/** JQL on a generated site of 100,000 issues: the fake site's search, and the same through Rovo's tool. */
export const jqlBench: Bench = {
  title: `JQL search on a generated site of ${ISSUES.toLocaleString('en')} issues (p50 / p95)`,
  async run() {
    const cloud = await freshCloud({});
    const heapBefore = process.memoryUsage().heapUsed;
    const generation = await timeIt(() =>
      Promise.resolve(
        generateIssues(cloud.store, { count: ISSUES, seed: SEED, projects: ['DEMO', 'OPS', 'SBX'] }),
      ),
    );
    const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const site = mockSiteFacts(cloud);
    const member = { accountId: cloud.store.userByHandle('member')?.accountId ?? null };
    const figures: Figure[] = [
      { name: 'generate the site', value: ms(generation), note: `seed ${SEED}, ~${heap.toFixed(0)} MB heap` },
    ];
    const session = await connect(TARGET, {
      credentials: site.identities.member ?? { kind: 'none' },
      requestTimeoutMs: 60_000,
    });
    for (const q of QUERIES) {
      const service = () =>
        Promise.resolve(
          searchIssues(cloud.store, member, { jql: q.jql, maxResults: 50, fields: ['summary'] }),
        );
      const cold = await timeIt(service);
      const warm = await samples(RUNS, service);
      const viaMcp = await samples(RUNS / 3, () =>
        session.callTool('searchJiraIssuesUsingJql', { cloudId: site.cloudId, jql: q.jql, maxResults: 50 }),
      );
      const matches = countIssues(cloud.store, member, q.jql).count;
      figures.push(
        {
          name: `${q.name}: site search`,
          value: spread(warm),
          note: `${matches.toLocaleString('en')} matches, first page of 50; cold ${ms(cold)}; ${RUNS} runs`,
        },
        {
          name: `${q.name}: searchJiraIssuesUsingJql`,
          value: spread(viaMcp),
          note: `through the msw mount, total count included; ${RUNS / 3} runs`,
        },
      );
    }
    figures.push({ name: 'queries', value: QUERIES.map((q) => `"${q.jql}"`).join(' | ') });
    await session.close();
    await closeMockRuntime();
    return figures;
  },
};
