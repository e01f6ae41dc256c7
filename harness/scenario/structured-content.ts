import { HARNESS_CLIENT } from '../connect/session.ts';
import type { CheckContext } from './context.ts';

/** A client Rovo recognises by `clientInfo.name` (atlassian-mcp-server#213 names claude-code and cursor). */
export const RECOGNISED_CLIENT = 'claude-code';

const sent = (present: boolean) => (present ? 'sent' : 'not sent');

/**
 * Whether a tool's answer carries structuredContent for the harness's own client name and for a
 * recognised one (#213: same token and arguments, different result). A finding for the evidence, never
 * a failure: an agent's client name decides what it sees.
 */
export async function structuredContentFinding(
  ctx: CheckContext,
  tool: string,
  args: Record<string, unknown> = {},
): Promise<string> {
  const carries = async (clientName: string) => {
    const session = await ctx.connect('member', { clientName });
    return (await session.callTool(tool, args)).structuredContent !== undefined;
  };
  const own = await carries(HARNESS_CLIENT.name);
  const recognised = await carries(RECOGNISED_CLIENT);
  const names = `${HARNESS_CLIENT.name} and ${RECOGNISED_CLIENT}`;
  return own === recognised
    ? `${tool}'s structuredContent is ${sent(own)} to both ${names}`
    : `${tool}'s structuredContent depends on clientInfo.name (#213): ${sent(own)} to ${HARNESS_CLIENT.name}, ${sent(recognised)} to ${RECOGNISED_CLIENT}`;
}
