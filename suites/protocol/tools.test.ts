import { type CallToolResult, McpError, ResultSchema } from '@modelcontextprotocol/sdk/types.js';
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
import { listAllTools } from '../../harness/scenario/list-tools.ts';
import { refusedCall } from '../../harness/scenario/harmless.ts';
import { Breaches } from '../../harness/scenario/clauses.ts';
import { listedNames } from '../../harness/records/bounds.ts';
import { expectNone } from '../../harness/scenario/expect.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';
import { breathe } from '../../harness/scenario/breathe.ts';

// JSON-RPC codes as plain numbers: McpError.code is a number, not the SDK's enum.
const INVALID_PARAMS = -32602;
const METHOD_NOT_FOUND = -32601;

/** The server's words, without the "MCP error -32602: " prefixes the SDK stacks on. */
const said = (error: McpError) => error.message.replace(/^(MCP error -?\d+: )+/, '');

/** A cursor no server issues: opaque-looking, so a lenient decoder cannot mistake it for its own. */
const FORGED_CURSOR = 'conformance-forged-cursor-b64Zm9yZ2Vk';
const UNKNOWN_TOOL = 'conformance_no_such_tool';

verifies('protocol.tools.list-paging', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const listing = await listAllTools(await ctx.connect());
  if (listing.repeatedCursor !== undefined)
    spec.breach('stable-cursors', 'tools/list handed out a cursor twice, so following nextCursor never ends');
  if (listing.truncated) spec.breach('stable-cursors', 'the listing did not end within 50 pages');
  if (listing.duplicates.length)
    spec.breach('unique-names', `listed more than once: ${listedNames(listing.duplicates)}`);
  if (listing.tools.length === 0) spec.breach('list-tools', 'a server declaring tools listed none');
  return spec.settle(
    supported(
      `${listing.tools.length} tools in ${listing.pages} page(s)${listing.pages === 1 ? ' (the server does not paginate)' : ''}, no cursor or tool repeated`,
    ),
    'stop following nextCursor once a cursor repeats, and keep one tool per name',
  );
});

verifies('protocol.tools.invalid-cursor', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const session = await ctx.connect();
  let refusal: McpError | undefined;
  try {
    const page = await session.client.listTools({ cursor: FORGED_CURSOR });
    spec.breach(
      'cursor-error',
      `tools/list accepted a cursor it never issued and answered ${page.tools.length} tool(s); a client cannot tell a stale cursor from a real page`,
    );
  } catch (error) {
    if (!(error instanceof McpError)) throw error;
    refusal = error;
    if (error.code !== INVALID_PARAMS)
      spec.breach(
        'cursor-error',
        `a forged cursor is refused, but with ${error.code} instead of -32602: "${said(error)}"`,
      );
  }
  return spec.settle(
    supported(`a forged cursor is refused with -32602: "${refusal ? said(refusal) : ''}"`),
    refusal
      ? 'treat any JSON-RPC error answering a cursor as "restart the listing"'
      : 'never resume a listing with a cursor from another session: restart it from the first page',
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
  const spec = new Breaches(ctx.capability);
  const session = await ctx.connect();
  const version = session.protocolVersion ?? '';
  const { tools, duplicates } = await listAllTools(session);
  if (duplicates.length) spec.breach('unique-names', `listed more than once: ${listedNames(duplicates)}`);
  const offFormat = tools.map((t) => t.name).filter((n) => !TOOL_NAME.test(n));
  if (atLeast(version, '2025-11-25')) {
    const outOfLength = offFormat.filter((n) => n.length < 1 || n.length > 128);
    const otherCharacters = offFormat.filter((n) => !outOfLength.includes(n));
    if (outOfLength.length) spec.breach('name-length', listedNames(outOfLength, 'tool name(s)'));
    if (otherCharacters.length) spec.breach('name-characters', listedNames(otherCharacters, 'tool name(s)'));
  }
  return spec.settle(
    supported(
      `${tools.length} unique names${offFormat.length ? `; ${offFormat.length} outside the 2025-11-25 format, which ${version} does not require` : ', all in the 2025-11-25 format'}`,
    ),
    'refer to tools by their exact listed names; expect clients that enforce the 2025-11-25 format to skip the others',
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
    const spec = new Breaches(ctx.capability);
    const runs = await perRevision(ctx, async (session, revision) => {
      const { tool } = refusedCall((await listAllTools(session)).tools);
      const unknownTool = await layerOf(session.callTool(UNKNOWN_TOOL, {}));
      const badArguments = await layerOf(session.callTool(tool.name, {}));
      if (unknownTool.layer !== 'protocol')
        spec.breach('unknown-tool', `${revision}: an unknown tool came back as ${show(unknownTool)}`);
      if (badArguments.layer === 'success')
        spec.breach('validate-inputs', `${revision}: ${tool.name} without its required arguments succeeded`);
      else if (inputErrorLayer(revision) === 'tool-result' && badArguments.layer === 'protocol')
        spec.breach(
          'input-errors',
          `${revision}: invalid arguments to ${tool.name} came back as ${show(badArguments)}, not an isError result (SEP-1303)`,
        );
      return `${revision}: unknown tool → ${show(unknownTool)}, invalid arguments to ${tool.name} → ${show(badArguments)}`;
    });
    const unknownMethod = await errorCodeOf(
      (await ctx.connect()).client.request({ method: 'conformance/no-such-method' }, ResultSchema),
    );
    if (unknownMethod === undefined)
      spec.breach('unknown-method', 'an unknown method was answered with a result');
    else if (unknownMethod !== METHOD_NOT_FOUND)
      spec.breach('unknown-method', `an unknown method is refused with ${unknownMethod}, not -32601`);
    const evidence = [
      ...runs.spoken.map((s) => s.result),
      `unknown method → ${unknownMethod === undefined ? 'a result' : `JSON-RPC ${unknownMethod}`}`,
      ...(runs.unspoken.length ? [describeUnspoken(runs.unspoken)] : []),
    ].join('; ');
    return spec.settle(
      supported(evidence),
      'treat both layers as errors: surface JSON-RPC errors of tools/call to the model as if they were isError results, and an isError "not found" as an unknown tool',
      evidence,
    );
  },
  { sendsInvalidFrames: true },
);
