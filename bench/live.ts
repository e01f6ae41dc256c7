import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadProfile } from '../mocks/rovo/profile/load.ts';
import { listedTool, rovoTools } from '../mocks/rovo/tools/index.ts';
import { diffSurfaces } from '../harness/drift/diff.ts';
import { snapshotSurface } from '../harness/drift/surface.ts';
import { RateBudget } from '../harness/live/budget.ts';
import { liveConfig, mainCredentials } from '../harness/live/env.ts';
import { runLabelOf } from '../harness/live/guard.ts';
import { sweep } from '../harness/live/janitor.ts';
import { Ledger, ledgerPath, readLedger } from '../harness/live/ledger.ts';
import { preflight } from '../harness/live/preflight.ts';
import { AtlassianRest } from '../harness/live/rest.ts';
import { settle } from '../harness/live/teardown.ts';
import { liveTestSite } from '../harness/live/test-site.ts';
import { basicHeader } from '../harness/targets/identities.ts';
import { z } from 'zod';
import { type Bench, type Figure, ms, percentile, timeIt } from './stats.ts';

const ISSUES = 50;

/** Live mode's own costs, against the fake site on loopback (real Rovo adds its latency to the calls). */
export const liveBench: Bench = {
  title: 'Live mode: ledger, preflight, teardown, janitor, drift, budget (loopback site)',
  async run(): Promise<Figure[]> {
    const figures: Figure[] = [];
    const site = await liveTestSite();
    try {
      const env = site.env('admin');
      const config = liveConfig(env.ROVO_MCP_URL ?? '', env);
      const target = {
        name: 'rovo-live',
        kind: 'rovo-live' as const,
        dialect: 'rovo' as const,
        url: env.ROVO_MCP_URL,
        reason: 'bench',
      };
      const pre = await timeIt(() =>
        preflight(target, config, {
          writes: true,
          requestTimeoutMs: 10_000,
          credentials: mainCredentials(config),
        }),
      );
      figures.push({
        name: 'preflight (writes allowed)',
        value: ms(pre),
        note: 'a raw initialize, a session with 4 tool calls, 3 REST calls',
      });

      const dir = mkdtempSync(join(tmpdir(), 'bench-ledger-'));
      const ledger = new Ledger(ledgerPath(dir, 'bench'), 'bench');
      const appends: number[] = [];
      for (let i = 0; i < 200; i++) {
        const t0 = performance.now();
        ledger.append({
          event: 'refused',
          at: new Date().toISOString(),
          runId: 'bench',
          ref: `r-${i}`,
          detail: 'bench',
        });
        appends.push(performance.now() - t0);
      }
      figures.push({
        name: 'ledger append p50 / p95',
        value: `${ms(percentile(appends, 50))} / ${ms(percentile(appends, 95))}`,
        note: 'one line + fsync',
      });

      const admin = site.user('admin');
      const rest = new AtlassianRest(new URL(site.origin), site.cloud.store.site.cloudId, () =>
        basicHeader({ kind: 'basic', email: admin.email, apiToken: admin.apiToken }),
      );
      const create = async (runId: string) => {
        const answer = await rest.jira('/issue', {
          method: 'POST',
          body: {
            fields: {
              project: { key: 'SBX' },
              issuetype: { name: 'Task' },
              summary: 'bench',
              labels: [runLabelOf(runId)],
            },
          },
        });
        return z.object({ id: z.string(), key: z.string() }).parse(answer.body);
      };
      const runLedger = new Ledger(ledgerPath(dir, 'bench-run'), 'bench-run');
      for (let i = 0; i < ISSUES; i++) {
        const issue = await create('bench-run');
        runLedger.append({
          event: 'created',
          at: new Date().toISOString(),
          runId: 'bench-run',
          ref: `c-${i}`,
          kind: 'issue',
          id: issue.id,
          key: issue.key,
        });
      }
      const teardown = await timeIt(() => settle(rest, runLedger, readLedger(runLedger.path)));
      figures.push({
        name: `teardown of ${ISSUES} issues`,
        value: ms(teardown),
        note: `${ms(teardown / ISSUES)} per issue`,
      });

      for (let i = 0; i < ISSUES; i++) await create('bench-stray');
      const janitor = await timeIt(() =>
        sweep(rest, {
          ledgerDir: join(dir, 'none'),
          olderThanMs: 0,
          sandboxProject: 'SBX',
          sandboxSpaceId: undefined,
        }),
      );
      figures.push({
        name: `janitor sweep of ${ISSUES} labelled strays`,
        value: ms(janitor),
        note: 'JQL, then one DELETE each',
      });
    } finally {
      await site.close();
    }

    const tools = rovoTools(loadProfile('default')).map(listedTool);
    const legacy = snapshotSurface('e', 'legacy', rovoTools(loadProfile('legacy-captures')).map(listedTool));
    const diffs: number[] = [];
    for (let i = 0; i < 50; i++) {
      const t0 = performance.now();
      diffSurfaces(legacy, snapshotSurface('e', 'mock', tools));
      diffs.push(performance.now() - t0);
    }
    figures.push({
      name: `drift snapshot + diff (${tools.length} tools) p50`,
      value: ms(percentile(diffs, 50)),
    });

    const budget = new RateBudget({ concurrency: 4, perMinute: 1_000_000 });
    const free: typeof fetch = () => Promise.resolve(new Response('ok'));
    const spend = budget.fetch(free);
    const [bare, budgeted] = [
      await timeIt(async () => {
        for (let i = 0; i < 2000; i++) await (await free('http://127.0.0.1/')).text();
      }),
      await timeIt(async () => {
        for (let i = 0; i < 2000; i++) await (await spend('http://127.0.0.1/', { method: 'POST' })).text();
      }),
    ];
    figures.push({ name: 'request budget overhead per request', value: ms((budgeted - bare) / 2000) });
    return figures;
  },
};
