import { ErrorCode, McpError } from '@modelcontextprotocol/sdk/types.js';
import type { Session } from '../../connect/session.ts';
import { UnsupportedVerbError } from '../../errors.ts';
import { callTool, type ToolOutcome } from '../tool-call.ts';

/** An error that may mean the tool does not exist: a JSON-RPC error, or a result saying so in words. */
const NO_SUCH_TOOL = /\bunknown tool\b|\btool\b.*\bnot found\b|\bno such tool\b/i;

/**
 * Calls a tool a dialect file maps; when the call fails in a way that may mean the server has no such
 * tool, the tool list decides: a tool the server does not list makes the verb `unsupported` (the file
 * assumed a tool this server lacks), never the server's `failed`. The list is read once, and only then,
 * so a server that has every tool sees no extra request.
 */
export function listedCall(session: Session, dialect: string) {
  let listed: Promise<ReadonlySet<string>> | undefined;

  async function refuseUnlisted(verb: string, tool: string): Promise<void> {
    listed ??= session.listToolNames().then((names) => new Set(names));
    const names = await listed.catch(() => undefined);
    if (names && !names.has(tool))
      throw new UnsupportedVerbError(
        verb,
        `the server does not list ${tool}, the tool the ${dialect} dialect maps ${verb} to`,
      );
  }

  return async (verb: string, tool: string, args: Record<string, unknown>): Promise<ToolOutcome> => {
    let outcome: ToolOutcome;
    try {
      outcome = await callTool(session, tool, args);
    } catch (error) {
      if (error instanceof McpError && error.code !== Number(ErrorCode.RequestTimeout))
        await refuseUnlisted(verb, tool);
      throw error;
    }
    if (!outcome.ok && NO_SUCH_TOOL.test(outcome.error.targetMessage)) await refuseUnlisted(verb, tool);
    return outcome;
  };
}
