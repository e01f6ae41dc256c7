import type { FakeCloud } from '../cloud.ts';
import type { ToolContext } from '../rovo/tools/define.ts';

type Run = (args: Record<string, unknown>, ctx: ToolContext) => unknown;

/** Wraps a tool's `run`: the wrapper receives the healthy run, the arguments and the context. */
export function patchRun(
  cloud: FakeCloud,
  tool: string,
  wrap: (healthy: Run, args: Record<string, unknown>, ctx: ToolContext) => unknown,
): void {
  cloud.rovo.patchTool(tool, (t) => ({
    ...t,
    run: (args, ctx) => wrap((a, c) => t.run(a, c), args, ctx),
  }));
}

/** Rewrites a tool's successful payload. */
export function patchResult(
  cloud: FakeCloud,
  tool: string,
  rewrite: (payload: unknown, args: Record<string, unknown>) => unknown,
): void {
  patchRun(cloud, tool, async (healthy, args, ctx) => rewrite(await healthy(args, ctx), args));
}

/** An argument or payload as an object; anything else as an empty one. */
export const record = (v: unknown): Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
