import type { Tool } from '@modelcontextprotocol/sdk/types.js';
import { NotTestableError } from '../errors.ts';
import { listedNames } from '../records/bounds.ts';

/** A tools/call a protocol check may make anywhere, live included, and why it is harmless. */
export interface HarmlessCall {
  tool: Tool;
  /** Always `{}`: a tool without required arguments runs; one with them is refused before it acts. */
  arguments: Record<string, never>;
  /** How the tool was chosen, for the evidence. */
  why: string;
  /** The call is expected to be refused (required arguments left out), so it does no work. */
  refused: boolean;
}

/** The first verb in a tool's name decides: `jira_get`, `getJiraIssue`, `searchJiraIssuesUsingJql`. */
const READ_VERBS = new Set(['get', 'list', 'search', 'read']);
const WRITE_VERBS = new Set([
  'add',
  'archive',
  'assign',
  'create',
  'delete',
  'edit',
  'link',
  'move',
  'patch',
  'post',
  'put',
  'remove',
  'send',
  'set',
  'transition',
  'update',
  'upload',
  'write',
]);

const words = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

const required = (t: Tool): string[] => t.inputSchema.required ?? [];
const markedReadOnly = (t: Tool) => t.annotations?.readOnlyHint === true;
/** The server's own word that a tool writes or destroys outranks what its name suggests. */
const markedWriting = (t: Tool) =>
  t.annotations?.readOnlyHint === false || t.annotations?.destructiveHint === true;
export const readsByName = (t: Tool): boolean => {
  const verb = words(t.name).find((w) => READ_VERBS.has(w) || WRITE_VERBS.has(w));
  return verb !== undefined && READ_VERBS.has(verb);
};

const LOOKED_FOR =
  'a tool marked readOnlyHint or named get/list/search/read that takes no required arguments';
const OR_REFUSED =
  ', or a tool not marked destructive that takes required arguments (called without them, it is refused before it acts)';

function notFound(tools: readonly Tool[], what: string): NotTestableError {
  return new NotTestableError(`${what}; the server lists ${listedNames(tools.map((t) => t.name))}`);
}

/** Tools with required arguments, safest first: marked read-only, read-only by name, then any not marked as writing. */
function refusable(tools: readonly Tool[]): HarmlessCall | undefined {
  const withRequired = tools.filter((t) => required(t).length > 0 && !markedWriting(t));
  const ranked = [
    ...withRequired.filter(markedReadOnly),
    ...withRequired.filter((t) => !markedReadOnly(t) && readsByName(t)),
    ...withRequired.filter((t) => !markedReadOnly(t) && !readsByName(t)),
  ];
  const tool = ranked[0];
  return (
    tool && {
      tool,
      arguments: {},
      why: `${tool.name} without its required arguments (${required(tool).join(', ')}), refused before it acts`,
      refused: true,
    }
  );
}

/**
 * A call that does real, harmless work: a tool the server marks read-only (Rovo's
 * atlassianUserInfo), else one whose name says it reads, taking no required arguments. Annotations
 * and names are the server's word, so a check that calls it must not depend on what it does.
 */
export function harmlessRun(tools: readonly Tool[]): HarmlessCall {
  const runs = tools.filter((t) => required(t).length === 0 && !markedWriting(t));
  const hinted = runs.find(markedReadOnly);
  if (hinted)
    return { tool: hinted, arguments: {}, why: `${hinted.name} (marked readOnlyHint)`, refused: false };
  const named = runs.find(readsByName);
  if (named)
    return { tool: named, arguments: {}, why: `${named.name} (read-only by its name)`, refused: false };
  throw notFound(tools, LOOKED_FOR);
}

/** A harmless call that runs when the server has one, else one refused before it acts. */
export function harmlessCall(tools: readonly Tool[]): HarmlessCall {
  try {
    return harmlessRun(tools);
  } catch (error) {
    if (!(error instanceof NotTestableError)) throw error;
    const refused = refusable(tools);
    if (refused) return refused;
    throw notFound(tools, `${LOOKED_FOR}${OR_REFUSED}`);
  }
}

/** A call that fails input validation without acting: a tool with required arguments, called without them. */
export function refusedCall(tools: readonly Tool[]): HarmlessCall {
  const refused = refusable(tools);
  if (!refused)
    throw notFound(
      tools,
      'a tool not marked destructive that takes required arguments, to call without them (refused before it acts)',
    );
  return refused;
}
