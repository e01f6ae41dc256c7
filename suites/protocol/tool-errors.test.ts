import { isJSONRPCResponse, McpError } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Session } from '../../harness/connect/session.ts';
import { TargetError } from '../../harness/drivers/tool-call.ts';
import { NotTestableError, UnsupportedVerbError } from '../../harness/errors.ts';
import { truncateText } from '../../harness/records/bounds.ts';
import { Breaches } from '../../harness/scenario/clauses.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** What the last tools/call was answered with, as far as the error flag goes. */
const AnsweredSchema = z.object({
  isError: z.boolean().optional(),
  content: z.array(z.object({ type: z.string(), text: z.string().optional() }).loose()).default([]),
});

function lastToolAnswer(session: Session): z.infer<typeof AnsweredSchema> | undefined {
  const calls = new Set(
    session.frames
      .filter((f) => f.direction === 'sent' && 'method' in f.message && f.message.method === 'tools/call')
      .map((f) => ('id' in f.message ? f.message.id : undefined)),
  );
  const answer = session.frames.findLast(
    (f) => f.direction === 'received' && isJSONRPCResponse(f.message) && calls.has(f.message.id),
  );
  if (!answer || !isJSONRPCResponse(answer.message)) return undefined;
  const parsed = AnsweredSchema.safeParse(answer.message.result);
  return parsed.success ? parsed.data : undefined;
}

verifies('protocol.tools.error-flag', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const driver = await ctx.driver();
  const key = `${ctx.site.sandboxProject}-999999`;
  let failure: McpError | TargetError | undefined;
  try {
    await driver.getIssue(key);
  } catch (error) {
    if (error instanceof UnsupportedVerbError)
      throw new NotTestableError(`a tool that fetches an issue, to fail on purpose (${error.reason})`);
    if (!(error instanceof McpError) && !(error instanceof TargetError)) throw error;
    failure = error;
  }
  if (failure === undefined)
    throw new NotTestableError(
      `a tool error: fetching ${key}, which does not exist, was answered with an issue`,
    );
  if (failure instanceof McpError) {
    spec.breach('is-error', `fetching ${key}, which does not exist, was refused as JSON-RPC ${failure.code}`);
  } else {
    const answer = lastToolAnswer(driver.session);
    const text = truncateText(
      (answer?.content.find((c) => c.type === 'text')?.text ?? '').replace(/\s+/g, ' '),
      160,
    );
    if (answer?.isError !== true)
      spec.breach(
        'is-error',
        `${failure.tool} answered fetching ${key}, which does not exist, with an error result without isError: true: "${text}"`,
      );
  }
  return spec.settle(
    supported(`fetching ${key}, which does not exist, came back as a result with isError: true`),
    'read tool errors from the text as well as the flag (the harness dialect does, through its error marker)',
  );
});
