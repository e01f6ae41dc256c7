import { z } from 'zod';
import { connect, type Session } from '../harness/connect/session.ts';
import { readToolResult } from '../harness/drivers/tool-call.ts';
import { mutantSettings } from '../harness/scenario/mutants.ts';
import { runCheck } from '../harness/scenario/run-check.ts';
import { loadAllChecks } from '../harness/scenario/suites.ts';
import { setupFor } from '../harness/kinds/index.ts';
import { closeWorkerCloud } from '../harness/kinds/worker-cloud.ts';
import type { TargetSpec } from '../harness/targets/spec.ts';
import type { Bench, Figure } from './stats.ts';
import { ms, percentile, timeIt } from './stats.ts';

const LEGACY: TargetSpec = { name: 'legacy-mock', kind: 'legacy-mock', dialect: 'legacy', reason: 'bench' };
const ROVO: TargetSpec = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'bench' };
const ROUNDS = 3;

/** Every check on both targets: verdict, JSON-RPC requests and the median wall time of three runs. */
export const sideBySideBench: Bench = {
  title: 'Custom (legacy-mock) vs Rovo (rovo-mock), per capability',
  async run() {
    const checks = [...(await loadAllChecks()).values()];
    const figures: Figure[] = [];
    for (const check of checks.sort((a, b) => a.capability.id.localeCompare(b.capability.id))) {
      const cells = [];
      for (const target of [LEGACY, ROVO]) {
        const runs = [];
        for (let i = 0; i < ROUNDS; i++)
          runs.push(
            await runCheck({
              check,
              target,
              settings: { ...mutantSettings(), runId: 'bench', targets: [target] },
            }),
          );
        const last = runs[runs.length - 1];
        const wall = percentile(
          runs.map((r) => r.durationMs),
          50,
        );
        cells.push(
          `${(last?.verdict ?? '?').padEnd(11)} ${String(last?.requests ?? 0).padStart(3)} calls ${ms(wall).padStart(9)}`,
        );
      }
      figures.push({ name: check.capability.id, value: cells.join('  |  ') });
    }
    await closeWorkerCloud();
    return [
      { name: 'capability', value: `${'legacy-mock'.padEnd(33)}  |  rovo-mock` },
      ...figures,
      {
        name: 'how to read',
        value:
          'verdict, JSON-RPC requests the check sent (initialize and tools/list included), median wall time',
        note: `${ROUNDS} runs per cell; the legacy mock is in-process over REST through msw, Rovo over HTTP through msw`,
      },
    ];
  },
};

const BULK = 50;
const BULK_ROUNDS = 5;

/** A session as the member on a fresh cloud (with a bulk route for the legacy server). */
async function sessionOn(target: TargetSpec): Promise<{ session: Session; cloudId: string }> {
  const { site, connect: reach } = await setupFor(target, mutantSettings());
  if (!site.identities.member) throw new Error('the fixture has no member');
  const session = await connect(target, {
    credentials: site.identities.member,
    requestTimeoutMs: 30_000,
    ...reach,
  });
  return { session, cloudId: site.cloudId };
}

const story = (round: number, i: number) => ({
  summary: `bench bulk ${round}-${i}`,
  project: 'SBX',
  issuetype: 'Story',
});

/** A bench measures work that was done: every item must have been created. */
function expectCreated(outcome: unknown, count: number): void {
  const parsed = z
    .object({
      ok: z.literal(true),
      payload: z.object({ issues: z.array(z.unknown()), errors: z.array(z.unknown()) }),
    })
    .safeParse(outcome);
  if (!parsed.success || parsed.data.payload.issues.length !== count || parsed.data.payload.errors.length > 0)
    throw new Error(
      `the native bulk create did not create ${count} issues: ${JSON.stringify(outcome).slice(0, 300)}`,
    );
}

/** Bulk create of 50 at the tool level: one native jira_bulk_create_issues call vs 50 createJiraIssue calls. */
export const bulkBench: Bench = {
  title: 'Bulk create of 50: native (legacy) vs emulated (Rovo), at the tool level',
  async run() {
    const native: number[] = [];
    const emulated: number[] = [];
    let nativeCalls = 0;
    let emulatedCalls = 0;
    for (let round = 0; round < BULK_ROUNDS; round++) {
      const { session: legacy } = await sessionOn(LEGACY);
      const issues = Array.from({ length: BULK }, (_, i) => story(round, i));
      let answer: unknown;
      native.push(
        await timeIt(async () => {
          answer = readToolResult(
            'jira_bulk_create_issues',
            await legacy.callTool('jira_bulk_create_issues', { issues }),
          );
        }),
      );
      nativeCalls = 1;
      expectCreated(answer, BULK);
      await legacy.close();

      const { session: rovo, cloudId } = await sessionOn(ROVO);
      emulatedCalls = 0;
      emulated.push(
        await timeIt(async () => {
          for (const s of issues) {
            emulatedCalls++;
            const created = readToolResult(
              'createJiraIssue',
              await rovo.callTool('createJiraIssue', {
                cloudId,
                projectKey: s.project,
                issueTypeName: s.issuetype,
                summary: s.summary,
              }),
            );
            if (!created.ok) throw created.error;
          }
        }),
      );
      await rovo.close();
    }
    await closeWorkerCloud();
    const p = (xs: number[]) => `${ms(percentile(xs, 50))} p50, ${ms(percentile(xs, 95))} p95`;
    return [
      {
        name: 'legacy jira_bulk_create_issues x50',
        value: `${nativeCalls} call, ${p(native)}`,
        note: `${BULK_ROUNDS} rounds`,
      },
      {
        name: 'rovo createJiraIssue x50 (sequential)',
        value: `${emulatedCalls} calls, ${p(emulated)}`,
        note: `${BULK_ROUNDS} rounds`,
      },
      {
        name: 'ratio emulated / native (p50)',
        value: `${(percentile(emulated, 50) / percentile(native, 50)).toFixed(1)}x`,
      },
    ];
  },
};
