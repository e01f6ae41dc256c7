import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { Session } from '../connect/session.ts';
import { HarnessError } from '../errors.ts';

/** A tool answered with an error (an `isError` result, or Rovo's `{"error":true}` text). */
export class TargetError extends Error {
  override readonly name = 'TargetError';
  readonly code = 'TARGET_ERROR';
  constructor(
    readonly tool: string,
    readonly targetMessage: string,
    /** Whether the result carried MCP `isError: true`. */
    readonly isError: boolean,
    /** Whether the text was Rovo's `{"error":true,"message":...}` envelope. */
    readonly envelope: boolean,
  ) {
    super(`${tool} failed: ${targetMessage}`);
  }

  /** Jira's ErrorCollection when the message embeds one (Rovo passes Jira's JSON through as a string). */
  jiraErrors(): { errorMessages: string[]; errors: Record<string, string> } | undefined {
    try {
      const parsed = JiraErrorSchema.safeParse(
        JSON.parse(this.targetMessage.slice(this.targetMessage.indexOf('{'))),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }
}

const JiraErrorSchema = z.object({
  errorMessages: z.array(z.string()).default([]),
  errors: z.record(z.string(), z.string()).default({}),
});

const ErrorEnvelopeSchema = z.object({ error: z.literal(true), message: z.string() }).loose();

export type ToolOutcome =
  | { ok: true; payload: unknown; result: CallToolResult }
  | { ok: false; error: TargetError; result: CallToolResult };

function firstText(result: CallToolResult): string | undefined {
  for (const item of result.content) if (item.type === 'text') return item.text;
  return undefined;
}

/**
 * Reads a tool result the way Rovo shapes them: one text item holding JSON. Errors are recognised by
 * `isError` or by the `{"error":true}` envelope, so both readings of the record are accepted.
 */
export function readToolResult(tool: string, result: CallToolResult): ToolOutcome {
  const text = firstText(result);
  let payload: unknown = text;
  if (text !== undefined) {
    try {
      payload = JSON.parse(text);
    } catch {
      payload = text;
    }
  } else if (result.structuredContent !== undefined) {
    payload = result.structuredContent;
  }
  const envelope = ErrorEnvelopeSchema.safeParse(payload);
  if (envelope.success || result.isError === true) {
    const message = envelope.success ? envelope.data.message : (text ?? JSON.stringify(result.content));
    return {
      ok: false,
      error: new TargetError(tool, message, result.isError === true, envelope.success),
      result,
    };
  }
  return { ok: true, payload, result };
}

export async function callTool(
  session: Session,
  tool: string,
  args: Record<string, unknown>,
): Promise<ToolOutcome> {
  return readToolResult(tool, await session.callTool(tool, args));
}

/** Calls a tool and parses its payload; a tool error becomes a TargetError, a bad shape a HarnessError. */
export async function callAndParse<S extends z.ZodType>(
  session: Session,
  tool: string,
  args: Record<string, unknown>,
  schema: S,
): Promise<z.output<S>> {
  const outcome = await callTool(session, tool, args);
  if (!outcome.ok) throw outcome.error;
  const parsed = schema.safeParse(outcome.payload);
  if (!parsed.success) {
    throw new HarnessError(
      'TOOL_RESULT_INVALID',
      `${tool} answered in an unexpected shape: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
