import type { RovoMock } from '../../mocks/rovo/http.ts';
import { NotTestableError } from '../errors.ts';
import type { CheckContext } from './context.ts';

/**
 * The Rovo mock behind the target, for checks that need its fault hooks (latency, held calls).
 * Not-testable elsewhere: live servers have no hooks, and other mocks serve MCP from another server.
 */
export function rovoMockOf(ctx: CheckContext, reason: string): RovoMock {
  const cloud = ctx.mock(reason);
  if (ctx.target.kind !== 'rovo-mock')
    throw new NotTestableError(`${reason} (needs the Rovo mock's fault hooks; ${ctx.target.name} has none)`);
  return cloud.rovo;
}
