import type { Session } from '../connect/session.ts';
import { callTool, TargetError } from '../drivers/tool-call.ts';

/** Calls a tool that must fail, and returns the target's error; a success fails the check. */
export async function expectTargetError(
  session: Session,
  tool: string,
  args: Record<string, unknown>,
): Promise<TargetError> {
  const outcome = await callTool(session, tool, args);
  if (outcome.ok)
    throw new Error(
      `${tool} was expected to fail but succeeded with ${JSON.stringify(outcome.payload).slice(0, 200)}`,
    );
  return outcome.error;
}

/** Awaits a driver verb that must fail with a target error. */
export async function expectRejection(promise: Promise<unknown>, what: string): Promise<TargetError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TargetError) return error;
    throw error;
  }
  throw new Error(`${what} was expected to be refused but succeeded`);
}

/** Fails with every problem spelled out (an array diff would hide them from the record's evidence). */
export function expectNone(problems: readonly string[], what: string): void {
  if (problems.length > 0) throw new Error(`${what}: ${problems.join('; ')}`);
}
