import {
  isJSONRPCNotification,
  isJSONRPCRequest,
  type JSONRPCRequest,
  ProgressNotificationSchema,
} from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { holdNextCall } from '../../mocks/rovo/faults.ts';
import type { Session } from '../../harness/connect/session.ts';
import { rovoMockOf } from '../../harness/scenario/mock-hooks.ts';
import { listAllTools } from '../../harness/scenario/list-tools.ts';
import { harmlessCall, harmlessRun } from '../../harness/scenario/harmless.ts';
import { Breaches, cite } from '../../harness/scenario/clauses.ts';
import { supported, unsupported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

verifies('protocol.utilities.ping', async (ctx) => {
  const session = await ctx.connect();
  await session.client.ping();
  await session.client.listTools();
  await session.client.ping();
  return supported(
    'ping was answered with an empty result right after initialize and again after tools/list',
  );
});

/** The last tools/call the session sent, and where it is among the frames. */
function lastCall(session: Session): { index: number; message: JSONRPCRequest } {
  for (let index = session.frames.length - 1; index >= 0; index--) {
    const { direction, message } = session.frames[index] ?? {};
    if (direction === 'sent' && isJSONRPCRequest(message) && message.method === 'tools/call')
      return { index, message };
  }
  throw new Error('no tools/call was sent');
}

const answersTo = (session: Session, id: string | number) =>
  session.frames.findIndex(
    (f) => f.direction === 'received' && 'id' in f.message && !('method' in f.message) && f.message.id === id,
  );

verifies('protocol.utilities.cancellation', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const rovo = rovoMockOf(ctx, 'a tool call held in flight long enough to cancel (latency injection)');
  const session = await ctx.connect();
  const { tool } = harmlessRun((await listAllTools(session)).tools);
  const hold = holdNextCall(rovo.hooks, { tool: tool.name, maxMs: 2_000 });
  const abort = new AbortController();
  const settled = session.client
    .callTool({ name: tool.name, arguments: {} }, undefined, { signal: abort.signal })
    .then(
      () => 'answered',
      () => 'cancelled',
    );
  await hold.started;
  abort.abort('the conformance check cancels this call');
  expect(await settled, 'the client gave up on the call').toBe('cancelled');
  const work = await hold.ended;
  const { message: call } = lastCall(session);
  const serves = async (after: string, key: string) => {
    try {
      await session.client.ping();
      await session.client.callTool({ name: tool.name, arguments: {} });
      return true;
    } catch (error) {
      spec.breach(key, `after ${after} the session no longer serves: ${(error as Error).message}`);
      return false;
    }
  };
  // Cancelling a request that never existed must be ignored; then the session must still serve.
  if (await serves('cancelling the call', 'cancels-one-request')) {
    await session.client.notification({
      method: 'notifications/cancelled',
      params: { requestId: 987_654_321, reason: 'no such request' },
    });
    await serves('cancelling an unknown request id', 'invalid-ignored');
  }
  const late = answersTo(session, call.id) >= 0;
  if (work === 'ran')
    spec.breach(
      'stop-processing',
      `${tool.name} kept running after notifications/cancelled${late ? ' and its answer arrived late' : ''}`,
    );
  return spec.settle(
    supported(
      `${tool.name} was stopped by notifications/cancelled${late ? ' (a late answer still arrived, which clients ignore)' : ' and never answered'}; cancelling an unknown id was ignored; the session kept serving`,
    ),
    'do not rely on cancellation: make calls idempotent or check their effect, and re-initialize if the session stops serving',
  );
});

verifies('protocol.utilities.progress', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const session = await ctx.connect();
  const harmless = harmlessCall((await listAllTools(session)).tools);
  // onprogress makes the SDK send _meta.progressToken (the request id).
  await session.client.callTool({ name: harmless.tool.name, arguments: harmless.arguments }, undefined, {
    onprogress: () => {},
  });
  const { index, message: call } = lastCall(session);
  await session.client.ping(); // anything trailing the result has arrived by now
  const answeredAt = answersTo(session, call.id);
  const progress = session.frames
    .map((f, at) => ({ at, f }))
    .filter(({ at, f }) => at > index && f.direction === 'received' && isJSONRPCNotification(f.message))
    .flatMap(({ at, f }) => {
      const parsed = ProgressNotificationSchema.safeParse(f.message);
      return parsed.success && parsed.data.params.progressToken === call.id
        ? [{ at, value: parsed.data.params.progress }]
        : [];
    });
  if (progress.length === 0)
    return unsupported(
      cite(
        spec.clause('optional'),
        `no notifications/progress came for a progressToken on the tools/call of ${harmless.why}`,
      ),
    );
  const values = progress.map((p) => p.value);
  const backwards = values.findIndex((v, i) => i > 0 && v <= (values[i - 1] ?? -Infinity));
  if (backwards >= 0) spec.breach('increase', `progress went ${values.join(' → ')}`);
  const afterResult = progress.filter((p) => p.at > answeredAt).length;
  if (afterResult > 0)
    spec.breach('stop-after-completion', `${afterResult} progress notification(s) after the result`);
  return spec.settle(
    supported(
      `${progress.length} progress notification(s) for ${harmless.why}, strictly increasing (${values.join(' → ')}), none after the result`,
    ),
    '',
  );
});
