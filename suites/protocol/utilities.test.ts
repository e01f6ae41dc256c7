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
import { harmlessTool, listAllTools } from '../../harness/scenario/list-tools.ts';
import { partial, supported, unsupported } from '../../harness/scenario/outcome.ts';
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
  const rovo = rovoMockOf(ctx, 'a tool call held in flight long enough to cancel (latency injection)');
  const session = await ctx.connect();
  const tool = harmlessTool((await listAllTools(session)).tools);
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
  // Cancelling a request that never existed must be ignored; then the session must still serve.
  await session.client.notification({
    method: 'notifications/cancelled',
    params: { requestId: 987_654_321, reason: 'no such request' },
  });
  try {
    await session.client.ping();
    await session.client.callTool({ name: tool.name, arguments: {} });
  } catch (error) {
    throw new Error(`after the cancellation the session no longer serves: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const late = answersTo(session, call.id) >= 0;
  if (work === 'ran')
    return partial(
      `${tool.name} kept running after notifications/cancelled${late ? ' and its answer arrived late' : ''}; the session kept serving`,
      'do not rely on cancellation to stop a call: make calls idempotent or check their effect',
    );
  return supported(
    `${tool.name} was stopped by notifications/cancelled${late ? ' (a late answer still arrived, which clients ignore)' : ' and never answered'}; cancelling an unknown id was ignored; the session kept serving`,
  );
});

verifies('protocol.utilities.progress', async (ctx) => {
  const session = await ctx.connect();
  const tool = harmlessTool((await listAllTools(session)).tools);
  // onprogress makes the SDK send _meta.progressToken (the request id).
  await session.client.callTool({ name: tool.name, arguments: {} }, undefined, { onprogress: () => {} });
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
      `a tools/call of ${tool.name} carrying a progressToken got no notifications/progress (progress is optional)`,
    );
  const values = progress.map((p) => p.value);
  const backwards = values.findIndex((v, i) => i > 0 && v <= (values[i - 1] ?? -Infinity));
  expect(backwards, `progress must strictly increase: ${values.join(' → ')}`).toBe(-1);
  const afterResult = progress.filter((p) => p.at > answeredAt).length;
  expect(afterResult, 'progress notifications after the result').toBe(0);
  return supported(
    `${progress.length} progress notification(s), strictly increasing (${values.join(' → ')}), none after the result`,
  );
});
