import { type CallToolResult, McpError, ResultSchema } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { readToolResult } from '../../harness/drivers/tool-call.ts';
import { NotTestableError } from '../../harness/errors.ts';
import { compileProblem, dialectOf, type SchemaDialect } from '../../harness/protocol/json-schema.ts';
import { describeUnspoken, perRevision } from '../../harness/scenario/per-revision.ts';
import {
  atLeast,
  defaultSchemaDialect,
  inputErrorLayer,
  TOOL_NAME,
} from '../../harness/protocol/revisions.ts';
import { listAllTools, toolWithRequiredArguments } from '../../harness/scenario/list-tools.ts';
import { expectNone } from '../../harness/scenario/expect.ts';
import { partial, supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import { breathe } from '../../harness/scenario/breathe.ts';

// JSON-RPC codes as plain numbers: McpError.code is a number, not the SDK's enum.
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

/** The server's words, without the "MCP error -32602: " prefixes the SDK stacks on. */
const said = (error: McpError) => error.message.replace(/^(MCP error -?\d+: )+/, '');

/** A cursor no server issues: opaque-looking, so a lenient decoder cannot mistake it for its own. */
const FORGED_CURSOR = 'conformance-forged-cursor-b64Zm9yZ2Vk';

verifies('protocol.tools.list-paging', async (ctx) => {
  const listing = await listAllTools(await ctx.connect());
  expect(listing.repeatedCursor, 'a cursor handed out twice (following it never ends)').toBeUndefined();
  expect(listing.truncated, 'the listing ends within 50 pages').toBe(false);
  expectNone(listing.duplicates, 'tools listed twice');
  expect(listing.tools.length, 'a server declaring tools lists at least one').toBeGreaterThan(0);
  return supported(
    `${listing.tools.length} tools in ${listing.pages} page(s)${listing.pages === 1 ? ' (the server does not paginate)' : ''}, no cursor or tool repeated`,
  );
});

verifies('protocol.tools.invalid-cursor', async (ctx) => {
  const session = await ctx.connect();
  let refusal: McpError;
  try {
    const page = await session.client.listTools({ cursor: FORGED_CURSOR });
    throw new Error(
      `tools/list accepted a cursor it never issued and answered ${page.tools.length} tool(s); a client cannot tell a stale cursor from a real page`,
    );
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    refusal = error;
  }
  if (refusal.code === INVALID_PARAMS)
    return supported(`a forged cursor is refused with -32602: "${said(refusal)}"`);
  return partial(
    `a forged cursor is refused, but with ${refusal.code} instead of -32602: "${said(refusal)}"`,
    'treat any JSON-RPC error answering a cursor as "restart the listing"',
  );
});

verifies('protocol.tools.input-schemas', async (ctx) => {
  const session = await ctx.connect();
  const version = session.protocolVersion ?? '';
  const { tools } = await listAllTools(session);
  const problems: string[] = [];
  const dialects = new Map<SchemaDialect, number>();
  for (const [i, tool] of tools.entries()) {
    if (i % 200 === 199) await breathe(ctx.signal);
    const declared = tool.inputSchema.$schema;
    const dialect = typeof declared === 'string' ? dialectOf(declared) : defaultSchemaDialect(version);
    if (dialect === undefined) {
      problems.push(`${tool.name}: $schema "${String(declared)}" names no JSON Schema dialect`);
      continue;
    }
    if (dialect === 'draft-04')
      throw new NotTestableError(`a draft-04 validator for ${tool.name}'s inputSchema (ajv 8 has none)`);
    dialects.set(dialect, (dialects.get(dialect) ?? 0) + 1);
    const problem = compileProblem(tool.inputSchema, dialect);
    if (problem) problems.push(`${tool.name} (${dialect}): ${problem}`);
  }
  expectNone(problems, 'input schemas that do not compile');
  const counts = [...dialects].map(([d, n]) => `${n} ${d}`).join(', ');
  return supported(`all ${tools.length} input schemas compile (${counts}; negotiated ${version})`);
});

verifies('protocol.tools.names', async (ctx) => {
  const session = await ctx.connect();
  const version = session.protocolVersion ?? '';
  const { tools, duplicates } = await listAllTools(session);
  expectNone(duplicates, 'tool names listed more than once');
  const offFormat = tools.map((t) => t.name).filter((n) => !TOOL_NAME.test(n));
  if (atLeast(version, '2025-11-25'))
    expectNone(offFormat, 'names outside 1-128 characters of A-Z a-z 0-9 _ - . (2025-11-25)');
  return supported(
    `${tools.length} unique names${offFormat.length ? `; ${offFormat.length} outside the 2025-11-25 format, which ${version} does not require` : ', all in the 2025-11-25 format'}`,
  );
});

type Layer = { layer: 'protocol'; code: number } | { layer: 'tool-result' } | { layer: 'success' };

async function layerOf(call: Promise<CallToolResult>): Promise<Layer> {
  try {
    // Rovo may flag errors with isError or only with its {"error":true} envelope; both are results.
    return readToolResult('probe', await call).ok ? { layer: 'success' } : { layer: 'tool-result' };
  } catch (error) {
    if (error instanceof McpError) return { layer: 'protocol', code: error.code };
    throw error;
  }
}

/** The JSON-RPC error code a request was refused with; undefined when it succeeded. */
async function errorCodeOf(request: Promise<unknown>): Promise<number | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    if (error instanceof McpError) return error.code;
    throw error;
  }
}

const show = (l: Layer) => (l.layer === 'protocol' ? `JSON-RPC ${l.code}` : l.layer);

verifies(
  'protocol.tools.error-layers',
  async (ctx) => {
    const failures: string[] = [];
    const shortcomings: string[] = [];
    const runs = await perRevision(ctx, async (session, revision) => {
      const tool = toolWithRequiredArguments((await listAllTools(session)).tools);
      const unknownTool = await layerOf(session.callTool('conformance_no_such_tool', {}));
      const badArguments = await layerOf(session.callTool(tool.name, {}));
      if (unknownTool.layer !== 'protocol')
        failures.push(`${revision}: an unknown tool came back as ${show(unknownTool)}`);
      if (badArguments.layer === 'success')
        failures.push(`${revision}: ${tool.name} without its required arguments succeeded`);
      else if (inputErrorLayer(revision) === 'tool-result' && badArguments.layer === 'protocol')
        shortcomings.push(
          `${revision}: invalid arguments to ${tool.name} came back as ${show(badArguments)}, not an isError result (SEP-1303)`,
        );
      return `${revision}: unknown tool → ${show(unknownTool)}, invalid arguments → ${show(badArguments)}`;
    });
    const unknownMethod = await errorCodeOf(
      (await ctx.connect()).client.request({ method: 'conformance/no-such-method' }, ResultSchema),
    );
    if (unknownMethod === undefined) failures.push('an unknown method was answered with a result');
    else if (unknownMethod !== METHOD_NOT_FOUND)
      shortcomings.push(`an unknown method is refused with ${unknownMethod}, not -32601`);
    expectNone(failures, 'errors in the wrong layer');
    const evidence = [
      ...runs.spoken.map((s) => s.result),
      `unknown method → JSON-RPC ${unknownMethod}`,
      ...(runs.unspoken.length ? [describeUnspoken(runs.unspoken)] : []),
    ].join('; ');
    if (shortcomings.length)
      return partial(
        `${evidence}. ${shortcomings.join('; ')}`,
        'surface JSON-RPC errors of tools/call to the model as if they were isError results',
      );
    return supported(evidence);
  },
  { sendsInvalidFrames: true },
);
