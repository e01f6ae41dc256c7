import { setTimeout as sleep } from 'node:timers/promises';
import { expect, it } from 'vitest';
import { catalogue } from '../catalogue/index.ts';
import { ConfigSchema } from '../config/schema.ts';
import type { Session } from '../connect/session.ts';
import { resolveTarget } from '../kinds/resolve.ts';
import { startHostile } from '../testing/hostile/http.ts';
import { breathe } from './breathe.ts';
import type { CheckBody } from './context.ts';
import { mutantSettings } from './mutants.ts';
import { runCheck } from './run-check.ts';

async function timedOut(body: CheckBody) {
  await using server = await startHostile('ten-thousand-tools', { tools: 1 });
  const target = resolveTarget(`http:${server.url}`, ConfigSchema.parse({}));
  const check = { capability: catalogue().get('protocol.utilities.ping'), body, options: { timeoutMs: 300 } };
  return await runCheck({ check, target, settings: { ...mutantSettings(), targets: [target] } });
}

it('a check computing past its timeout is stopped where it yields, and reported failed', async () => {
  let rounds = 0;
  const record = await timedOut(async (ctx) => {
    await ctx.connect();
    for (;;) {
      rounds++;
      await breathe(ctx.signal);
    }
  });
  expect(record.verdict).toBe('failed');
  expect(record.evidence).toBe('CheckTimeout: the check did not finish within 300 ms');
  const stopped = rounds;
  await sleep(50);
  expect(rounds).toBe(stopped);
});

it('a check that runs out of time during a tool call names the call in its evidence', async () => {
  const record = await timedOut(async (ctx) => {
    const session = await ctx.connect();
    session.inFlight = 'tools/call slow_tool';
    await sleep(600);
    throw new Error('unreachable');
  });
  expect(record.evidence).toBe(
    'CheckTimeout: the check did not finish within 300 ms, waiting on tools/call slow_tool',
  );
});

it('after its timeout a check opens nothing more, and the sessions it had are closed', async () => {
  let opened: Session | undefined;
  let late: unknown;
  const record = await timedOut(async (ctx) => {
    opened = await ctx.connect();
    await sleep(600);
    late = await ctx.connect().catch((error: unknown) => error);
    throw new Error('unreachable');
  });
  expect(record.evidence).toBe('CheckTimeout: the check did not finish within 300 ms');
  await sleep(700);
  expect((late as Error).name).toBe('AbortError');
  // The runner closed the session it had when the timeout fired: its client has no transport left.
  expect(opened).toBeDefined();
  expect(opened?.client.transport).toBeUndefined();
});
