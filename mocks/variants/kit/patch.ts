import type { FakeCloud } from '../../cloud.ts';
import type { AuthOutcome } from '../../rovo/auth/api-token.ts';
import type { ToolContext } from '../../rovo/tools/define.ts';

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

/** Runs a tool as if the caller had not passed the argument `name`. */
export function ignoreArgument(cloud: FakeCloud, tool: string, name: string): void {
  patchRun(cloud, tool, (healthy, args, ctx) => {
    const { [name]: _ignored, ...rest } = args;
    return healthy(rest, ctx);
  });
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
/** Runs a tool as the site admin whoever calls (when `when` holds): the permission check is skipped. */
export function runAsAdmin(
  cloud: FakeCloud,
  tool: string,
  when: (args: Record<string, unknown>) => boolean = () => true,
): void {
  const admin = cloud.store.userByHandle('admin');
  if (!admin) throw new Error('the fixture has no admin to act as');
  patchRun(cloud, tool, (healthy, args, ctx) =>
    healthy(args, when(args) ? { ...ctx, actor: { accountId: admin.accountId }, user: admin } : ctx),
  );
}

/** Puts a wrapper in front of every HTTP request the cloud answers (auth endpoints, MCP, REST). */
export function patchHttp(
  cloud: FakeCloud,
  wrap: (request: Request, healthy: (request: Request) => Promise<Response>) => Promise<Response>,
): void {
  const healthy = cloud.handle;
  cloud.handle = (request) => wrap(request, healthy);
}

/** The same response with its `WWW-Authenticate` header rewritten. */
export function rewriteChallenge(response: Response, edit: (header: string) => string): Response {
  const headers = new Headers(response.headers);
  headers.set('www-authenticate', edit(headers.get('www-authenticate') ?? ''));
  return new Response(response.body, { status: response.status, headers });
}

/** Rewrites what the MCP endpoints' authenticator concludes (a refusal relaxed, a challenge changed...). */
export function patchAuthentication(
  cloud: FakeCloud,
  rewrite: (outcome: AuthOutcome, request: Request) => AuthOutcome,
): void {
  const healthy = cloud.rovo.authenticate;
  cloud.rovo.authenticate = async (request, path) => rewrite(await healthy(request, path), request);
}
