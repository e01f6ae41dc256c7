import type { z } from 'zod';
import { NotTestableError } from '../../errors.ts';
import type { DriverContext } from '../context.ts';
import { describeShape } from '../mapped/answer.ts';
import type { ToolCaller } from '../mapped/driver.ts';
import { callTool } from '../tool-call.ts';

/** Tools Rovo renamed: the later name is called when the target lists it, else the first one. */
const RENAMED: Readonly<Record<string, string>> = { search: 'searchAtlassian', fetch: 'fetchAtlassian' };

/**
 * How the rovo dialect calls a tool: straight, with no tools/list check before a refusal, because a
 * tool the token's scopes hide is Rovo's own answer under test; only search and fetch ask tools/list
 * (once per driver) which of their two names the target has.
 */
export function rovoCaller(): ToolCaller {
  let listed: Promise<ReadonlySet<string>> | undefined;
  return async (session, tool, args) => {
    const later = RENAMED[tool];
    if (later !== undefined) {
      listed ??= session.listToolNames().then((names) => new Set(names));
      if ((await listed).has(later)) return callTool(session, later, args);
    }
    return callTool(session, tool, args);
  };
}

/**
 * Calls a tool with the site's cloudId for a verb written in code, and parses its answer; an answer in
 * another shape is `not-testable`, naming the shape (the harness's limit, not the target's failure).
 */
export function parsedCall(ctx: DriverContext, call: ToolCaller) {
  return async <S extends z.ZodType>(
    verb: string,
    tool: string,
    args: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> => {
    const outcome = await call(ctx.session, tool, { cloudId: ctx.cloudId, ...args });
    if (!outcome.ok) throw outcome.error;
    const parsed = schema.safeParse(outcome.payload);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    throw new NotTestableError(
      `${verb}: ${tool} answered ${describeShape(outcome.payload)}, a shape the rovo dialect does not map (${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'})`,
    );
  };
}
export type ParsedCall = ReturnType<typeof parsedCall>;
