import { countIssues, searchIssues } from '../mocks/atlassian/jira/search.ts';
import { generateIssues } from '../mocks/atlassian/seed/generate.ts';
import { withMswSession } from './msw-session.ts';
import type { Bench, Figure } from './stats.ts';
import { ms, percentile, timeIt } from './stats.ts';

const ISSUES = 100_000;
const SEED = 20_261_118;
const RUNS = 30;
const PROJECTS = ['DEMO', 'OPS', 'SBX'];

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
  run: () =>
    withMswSession(async (session, cloudId, cloud) => {
      const heapBefore = process.memoryUsage().heapUsed;
      const generation = await timeIt(() =>
        Promise.resolve(generateIssues(cloud.store, { count: ISSUES, seed: SEED, projects: PROJECTS })),
      );
      const heap = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
      const member = { accountId: cloud.store.userByHandle('member')?.accountId ?? null };
      const figures: Figure[] = [
        {
          name: 'generate the site',
          value: ms(generation),
          note: `seed ${SEED}, ~${heap.toFixed(0)} MB heap`,
        },
      ];
      for (const q of QUERIES) {
        const service = () =>
          Promise.resolve(
            searchIssues(cloud.store, member, { jql: q.jql, maxResults: 50, fields: ['summary'] }),
          );
        const cold = await timeIt(service);
        const warm = await samples(RUNS, service);
        const viaMcp = await samples(RUNS / 3, () =>
          session.callTool('searchJiraIssuesUsingJql', { cloudId, jql: q.jql, maxResults: 50 }),
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
      return figures;
    }),
};
