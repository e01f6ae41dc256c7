import { McpError } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import type { Session } from '../../harness/connect/session.ts';
import { describeUnspoken, perRevision } from '../../harness/scenario/per-revision.ts';
import { listAllTools } from '../../harness/scenario/list-tools.ts';
import { harmlessCall } from '../../harness/scenario/harmless.ts';
import { Breaches } from '../../harness/scenario/clauses.ts';
import { listedNames, truncateText } from '../../harness/records/bounds.ts';
import { describeViolation, WireValidator } from '../../harness/protocol/wire.ts';
import { supported } from '../../harness/scenario/outcome.ts';
import { verifies } from '../../harness/scenario/verifies.ts';

/** A version no revision will ever carry. */
const UNKNOWN_VERSION = '1999-01-01';
const UNKNOWN_TOOL = 'conformance_no_such_tool';

verifies('protocol.lifecycle.initialize', async (ctx) => {
  const session = await ctx.connect();
  const info = session.client.getServerVersion();
  const capabilities = session.client.getServerCapabilities();
  expect(info?.name, 'serverInfo.name is not empty').toMatch(/\S/);
  expect(info?.version, 'serverInfo.version is not empty').toMatch(/\S/);
  expect(capabilities, 'capabilities object').toBeTypeOf('object');
  return supported(
    `${info?.name} ${info?.version} answered protocolVersion ${session.protocolVersion}, declaring ${Object.keys(capabilities ?? {}).join(', ') || 'no capabilities'}`,
  );
});

verifies('protocol.lifecycle.version-negotiation', async (ctx) => {
  const runs = await perRevision(ctx, () => Promise.resolve());
  expect(
    runs.spoken.length,
    'the server speaks at least one of 2025-03-26, 2025-06-18, 2025-11-25',
  ).toBeGreaterThan(0);
  const answers = new Set(runs.unspoken.map((u) => u.negotiated));
  expect(
    answers.size,
    `revisions it does not speak are all answered with one version it does`,
  ).toBeLessThanOrEqual(1);
  let answered: string | undefined;
  try {
    answered = (await ctx.connect('member', { protocolVersion: UNKNOWN_VERSION })).protocolVersion;
  } catch (error) {
    throw new Error(
      `asked for ${UNKNOWN_VERSION}, the server answered a version no client accepts (${(error as Error).message})`,
      { cause: error },
    );
  }
  expect(answered, `the unknown version ${UNKNOWN_VERSION} is not echoed`).not.toBe(UNKNOWN_VERSION);
  const spoken = runs.spoken.map((s) => s.revision).join(', ');
  return supported(
    `echoes ${spoken}${runs.unspoken.length ? `; ${describeUnspoken(runs.unspoken)}` : ''}; asked for ${UNKNOWN_VERSION} it answered ${answered}`,
    { details: { spoken: runs.spoken.map((s) => s.revision), unknownAnsweredWith: answered ?? null } },
  );
});

/** How each capability is exercised without arguments only a real deployment would know. */
const EXERCISE: Record<string, (s: Session) => Promise<unknown>> = {
  tools: (s) => s.client.listTools(),
  resources: (s) => s.client.listResources(),
  prompts: (s) => s.client.listPrompts(),
  logging: (s) => s.client.setLoggingLevel('info'),
};

verifies('protocol.lifecycle.capabilities', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const session = await ctx.connect();
  const declared = session.client.getServerCapabilities() ?? {};
  const served: string[] = [];
  const undeclared: string[] = [];
  for (const [capability, exercise] of Object.entries(EXERCISE)) {
    const isDeclared = capability in declared;
    try {
      await exercise(session);
      (isDeclared ? served : undeclared).push(capability);
    } catch (error) {
      // An undeclared capability may be refused in any way (#516); a declared one must work.
      if (isDeclared)
        spec.breach('declared-served', `declares ${capability} but ${(error as Error).message}`);
      else if (!(error instanceof McpError)) throw error;
    }
  }
  if (undeclared.includes('tools'))
    spec.breach('declare-tools', 'serves tools/list without declaring the tools capability');
  return spec.settle(
    supported(
      `declared and served: ${served.join(', ') || 'none'}${undeclared.length ? `; also answers undeclared ${undeclared.join(', ')}` : ''}`,
    ),
    'call only what answers: treat a declared capability whose methods fail as absent',
  );
});

/** What the transport could not read as JSON-RPC (a stdio server logging to stdout), counted and bounded. */
function strayOutput(dropped: readonly string[]): string {
  const first = truncateText(dropped[0] ?? '', 160);
  return `${dropped.length} output(s) that are not JSON-RPC messages were dropped by the transport; the first: ${first}`;
}

verifies('protocol.lifecycle.json-rpc-frames', async (ctx) => {
  const spec = new Breaches(ctx.capability);
  const session = await ctx.connect();
  const { tools } = await listAllTools(session);
  await session.client.ping();
  const call = harmlessCall(tools);
  await session.client.callTool({ name: call.tool.name, arguments: call.arguments });
  await session.client.callTool({ name: UNKNOWN_TOOL, arguments: {} }).catch((e: unknown) => {
    if (!(e instanceof McpError)) throw e;
  });
  await session.client.ping();
  // Explicit here so it holds on every target; against mocks every check is validated this way too.
  const validator = new WireValidator();
  for (const frame of session.frames) validator.frame(frame);
  const violations = validator.violations.map(describeViolation);
  if (violations.length)
    spec.breach('json-rpc', `frames outside the SDK schemas: ${listedNames(violations, 'frames', 3)}`);
  if (session.dropped.length)
    spec.breach(
      ctx.target.kind === 'stdio' ? 'stdout-messages-only' : 'json-rpc',
      strayOutput(session.dropped),
    );
  const received = session.frames.filter((f) => f.direction === 'received').length;
  return spec.settle(
    supported(
      `${validator.count} frames (${received} from the server: initialize, tools/list, ping, tools/call of ${call.why}, an unknown tool's error) all valid against the SDK schemas`,
    ),
    '',
  );
});
