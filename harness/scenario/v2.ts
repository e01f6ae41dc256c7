import { z } from 'zod';
import type { Session } from '../connect/session.ts';
import { NotTestableError } from '../errors.ts';
import type { CheckContext } from './context.ts';
import { type Outcome, unsupported } from './outcome.ts';

/** The dialect of targets that speak Rovo's second generation (`discover` + `execute*`). */
export const V2_DIALECT = 'rovo-v2';

/**
 * The v2 checks ask a target for v2's own behaviour; a target of another dialect has no such surface,
 * which is `unsupported` naming the dialect it was found to speak, never `failed`.
 */
export function unlessV2(ctx: CheckContext): Outcome | undefined {
  const dialect: string = ctx.target.dialect;
  if (dialect === V2_DIALECT) return undefined;
  return unsupported(
    `${ctx.target.name} speaks the "${dialect}" dialect, not "${V2_DIALECT}": it has no discover/execute* surface, so this v2 behaviour does not apply to it`,
  );
}

/** True on a target whose fake cloud the harness holds (its admin settings are the defaults). */
export function onMock(ctx: CheckContext): boolean {
  try {
    ctx.mock('probing');
    return true;
  } catch (error) {
    if (error instanceof NotTestableError) return false;
    throw error;
  }
}

const TextItem = z.object({ type: z.literal('text'), text: z.string() });
const V2Result = z.object({
  isError: z.boolean().optional(),
  structuredContent: z.record(z.string(), z.unknown()).optional(),
  content: z.array(z.unknown()).default([]),
});

/** A v2 answer: whether it is an error, and its payload (`structuredContent`, else the JSON text, `data` unwrapped). */
export interface V2Answer {
  isError: boolean;
  payload: unknown;
  /** The first text item, for evidence (bounded by the record's limits). */
  text: string;
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Calls a v2 tool and reads its answer the way rovo-v2-surface.md 4.4 step 3 says a client should. */
export async function callV2(
  session: Session,
  tool: string,
  args: Record<string, unknown>,
): Promise<V2Answer> {
  const result = V2Result.parse(await session.callTool(tool, args));
  const text = result.content.flatMap((c) => {
    const item = TextItem.safeParse(c);
    return item.success ? [item.data.text] : [];
  })[0];
  let payload: unknown = result.structuredContent ?? (text === undefined ? undefined : parseText(text));
  const wrapped = z.object({ data: z.unknown() }).strict().safeParse(payload);
  if (wrapped.success) payload = wrapped.data.data;
  return { isError: result.isError === true, payload, text: text ?? '' };
}

/** Parses a v2 payload; an answer in another shape is not-testable, naming the shape expected. */
export function shaped<T>(schema: z.ZodType<T>, answer: V2Answer, what: string): T {
  const parsed = schema.safeParse(answer.payload);
  if (!parsed.success)
    throw new NotTestableError(`${what} in a shape the harness reads (got: ${answer.text.slice(0, 160)})`);
  return parsed.data;
}

/** `execute<Tier>` with `{name, cloudId, inputs}`: cloudId top-level, never inside inputs (SKv2). */
export function execute(
  ctx: CheckContext,
  session: Session,
  tool: 'executeRead' | 'executeWrite' | 'executeDestructive',
  name: string,
  inputs: Record<string, unknown>,
): Promise<V2Answer> {
  return callV2(session, tool, { name, cloudId: ctx.site.cloudId, inputs });
}

const Created = z.object({ key: z.string() }).loose();

/** A Task in the sandbox project through the primary createJiraIssue (v2 takes `issueType` by name). */
export async function createV2Issue(ctx: CheckContext, session: Session, hint: string): Promise<string> {
  const answer = await callV2(session, 'createJiraIssue', {
    cloudId: ctx.site.cloudId,
    projectKey: ctx.site.sandboxProject,
    issueType: 'Task',
    summary: ctx.unique(hint),
  });
  if (answer.isError) throw new Error(`createJiraIssue was refused: ${answer.text.slice(0, 200)}`);
  return shaped(Created, answer, 'createJiraIssue answering {key}').key;
}

/** The issue as getJiraIssue returns it, for reading back what a call changed. */
export async function readV2Issue(
  ctx: CheckContext,
  session: Session,
  key: string,
  fields: string[],
): Promise<V2Answer> {
  // view full: the default compact view drops links, labels and the parent even when asked (T-VIEW, Q12).
  return callV2(session, 'getJiraIssue', {
    cloudId: ctx.site.cloudId,
    issueIdOrKey: key,
    fields,
    view: 'full',
  });
}

/** The input key the target's `discover` declares for the goal (Q3: `query`, or `goal`). */
export async function discoverKey(session: Session): Promise<string> {
  const tool = (await session.listTools()).find((t) => t.name === 'discover');
  if (!tool) throw new NotTestableError('a discover tool in tools/list');
  const keys = Object.keys(tool.inputSchema.properties ?? {});
  return keys.find((k) => k === 'query' || k === 'goal') ?? keys[0] ?? 'query';
}

const Discovered = z.object({
  operations: z.array(z.object({ name: z.string(), tier: z.string().optional() }).loose()),
});

/** The operations `discover` answers for a plain-language goal, best first. */
export async function discoverOps(
  session: Session,
  goal: string,
): Promise<z.infer<typeof Discovered>['operations']> {
  const answer = await callV2(session, 'discover', { [await discoverKey(session)]: goal });
  if (answer.isError) throw new Error(`discover("${goal}") was refused: ${answer.text.slice(0, 200)}`);
  return shaped(Discovered, answer, 'discover answering {operations: [{name}]}').operations;
}
