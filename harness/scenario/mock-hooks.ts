import type { MockHooks } from '../../mocks/rovo/hooks.ts';
import { NotTestableError } from '../errors.ts';
import type { CheckContext } from './context.ts';

/** What checks may do to the Rovo mock endpoint behind a target: inject faults, end its sessions. */
export interface RovoEndpoint {
  readonly hooks: MockHooks;
  killSessions(): Promise<void>;
}

/**
 * The Rovo mock endpoint behind the target: v1's or, for a target at /v2/, v2's. Not-testable
 * elsewhere: live servers have no hooks, and other mocks serve MCP from another server.
 */
export function rovoMockOf(ctx: CheckContext, reason: string): RovoEndpoint {
  const cloud = ctx.mock(reason);
  if (ctx.target.kind !== 'rovo-mock')
    throw new NotTestableError(
      `${reason} (needs the Rovo mock's own MCP endpoint; ${ctx.target.name} serves MCP from elsewhere)`,
    );
  const v2 = ctx.target.url !== undefined && new URL(ctx.target.url).pathname.startsWith('/v2/');
  return v2 ? cloud.rovoV2 : cloud.rovo;
}
