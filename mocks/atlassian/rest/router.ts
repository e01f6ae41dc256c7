import { parseBasic } from '../basic-auth.ts';
import { AtlassianError, confluenceError, confluenceV1Error, jiraError } from '../errors.ts';
import { ILL_FORMED_MESSAGE, illFormedPath } from '../well-formed.ts';
import { accessibleResources, renderMe } from '../identity.ts';
import type { Actor } from '../jira/access.ts';
import type { SiteStore } from '../store.ts';
import { CONFLUENCE_V1_EXTRA_ROUTES, CONFLUENCE_V2_EXTRA_ROUTES } from './confluence-extra-routes.ts';
import { CONFLUENCE_V1_ROUTES, CONFLUENCE_V2_ROUTES } from './confluence-routes.ts';
import { AGILE_ROUTES } from './agile-routes.ts';
import { JIRA_EXTRA_ROUTES } from './jira-extra-routes.ts';
import { JIRA_ROUTES } from './jira-routes.ts';
import { type RestContext, RestReply, type Route } from './route.ts';

/** Who a bearer token belongs to; the OAuth work supplies it. Unknown or expired tokens give undefined. */
export type BearerResolver = (token: string) => { accountId: string; scopes: readonly string[] } | undefined;

/**
 * Runs before every REST request; a Response answers the request instead (rate limits, faults). A
 * function is called back once the request has been answered (counting calls in flight).
 */
type InterceptorAnswer = Response | (() => void) | undefined;
export type RestInterceptor = (
  request: Request,
  actor: Actor,
) => InterceptorAnswer | Promise<InterceptorAnswer>;

interface Mount {
  prefix: RegExp;
  routes: Route[];
  gateway: boolean;
  /** A request the product refuses before any route runs (a path that is not a URI), in its own shape. */
  badRequest: (message: string) => AtlassianError;
}

const JIRA_400 = (message: string) => jiraError(400, [message]);
const CONFLUENCE_400 = (message: string) => confluenceError(400, 'INVALID_REQUEST_PARAMETER', message);
const CONFLUENCE_V1_400 = (message: string) => confluenceV1Error(400, message);

const GATEWAY_401 = { code: 401, message: 'Unauthorized' };

const JIRA = [...JIRA_ROUTES, ...JIRA_EXTRA_ROUTES];
const WIKI_V2 = [...CONFLUENCE_V2_ROUTES, ...CONFLUENCE_V2_EXTRA_ROUTES];
const WIKI_V1 = [...CONFLUENCE_V1_ROUTES, ...CONFLUENCE_V1_EXTRA_ROUTES];

/** Each API is served through the gateway (`/ex/<product>/<cloudId>/...`) and on the site itself. */
const both = (
  product: 'jira' | 'confluence',
  path: string,
  routes: Route[],
  badRequest: Mount['badRequest'],
): Mount[] => [
  { prefix: new RegExp(`^/ex/${product}/([^/]+)${path}(/.*)$`), routes, gateway: true, badRequest },
  { prefix: new RegExp(`^()${path}(/.*)$`), routes, gateway: false, badRequest },
];

const MOUNTS: Mount[] = [
  ...both('jira', String.raw`/rest/api/3`, JIRA, JIRA_400),
  ...both('jira', String.raw`/rest/agile/1\.0`, AGILE_ROUTES, JIRA_400),
  ...both('confluence', String.raw`/wiki/api/v2`, WIKI_V2, CONFLUENCE_400),
  ...both('confluence', String.raw`/wiki/rest/api`, WIKI_V1, CONFLUENCE_V1_400),
];

const formatField = (path: readonly (string | number)[]) => (path.length ? path.join('.') : '(body)');

/** Path parameters, decoded; a malformed %-escape is the client's error (400), never the mock's (500). */
function decodeParams(
  names: readonly string[],
  match: RegExpExecArray,
  mount: Mount,
): Record<string, string> {
  return Object.fromEntries(
    names.map((name, i) => {
      const raw = match[i + 1] ?? '';
      try {
        return [name, decodeURIComponent(raw)];
      } catch {
        throw mount.badRequest(`The path segment '${raw}' is not a valid URI component: malformed %-escape.`);
      }
    }),
  );
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  });

/**
 * Jira and Confluence REST over the fake site, on the gateway (`api.atlassian.com/ex/...`) and on the
 * site host. Legacy MCP servers and live-mode teardown talk to this, exactly as they would to Atlassian.
 */
export class RestApi {
  bearer: BearerResolver | undefined;
  interceptors: RestInterceptor[] = [];

  constructor(readonly store: SiteStore) {}

  handles(path: string): boolean {
    return (
      path === '/me' ||
      path === '/oauth/token/accessible-resources' ||
      MOUNTS.some((m) => m.prefix.test(path))
    );
  }

  private authenticate(request: Request): { actor: Actor; scopes: readonly string[] | null } | 'invalid' {
    const header = request.headers.get('authorization');
    if (header === null) return { actor: { accountId: null }, scopes: null };
    const basic = parseBasic(header);
    if (basic) {
      const user = [...this.store.users.values()].find(
        (u) => u.email.toLowerCase() === basic.email.toLowerCase() && u.apiToken === basic.token && u.active,
      );
      return user ? { actor: { accountId: user.accountId }, scopes: null } : 'invalid';
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    const resolved = bearer ? this.bearer?.(bearer) : undefined;
    return resolved ? { actor: { accountId: resolved.accountId }, scopes: resolved.scopes } : 'invalid';
  }

  async handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const auth = this.authenticate(request);
    const gatewayPath =
      url.pathname.startsWith('/ex/') || url.pathname === '/me' || url.pathname.startsWith('/oauth/');
    if (auth === 'invalid' || (gatewayPath && auth.actor.accountId === null)) {
      return gatewayPath
        ? json(401, GATEWAY_401)
        : json(401, { errorMessages: ['Client must be authenticated to access this resource.'], errors: {} });
    }
    const answered: (() => void)[] = [];
    try {
      for (const intercept of this.interceptors) {
        const answer = await intercept(request, auth.actor);
        if (answer instanceof Response) return answer;
        if (answer) answered.push(answer);
      }
      return await this.answer(request, url, auth);
    } finally {
      for (const done of answered) done();
    }
  }

  private async answer(
    request: Request,
    url: URL,
    auth: { actor: Actor; scopes: readonly string[] | null },
  ): Promise<Response> {
    try {
      if (url.pathname === '/me') {
        const user = this.store.users.get(auth.actor.accountId ?? '');
        return user ? json(200, renderMe(user)) : json(401, GATEWAY_401);
      }
      if (url.pathname === '/oauth/token/accessible-resources') {
        return json(200, accessibleResources(this.store, auth.scopes ? new Set(auth.scopes) : undefined));
      }
      return await this.dispatch(request, url, auth.actor);
    } catch (error) {
      if (error instanceof AtlassianError) return json(error.status, error.body, { ...error.headers });
      throw error;
    }
  }

  private async dispatch(request: Request, url: URL, actor: Actor): Promise<Response> {
    for (const mount of MOUNTS) {
      const m = mount.prefix.exec(url.pathname);
      if (!m) continue;
      const cloudId = m[1] ?? '';
      if (mount.gateway && cloudId !== this.store.site.cloudId)
        return json(404, { errorMessages: ['Site not found'], errors: {} });
      const rest = m[2] ?? '/';
      for (const r of mount.routes) {
        if (r.method !== request.method) continue;
        const match = r.pattern.exec(rest);
        if (!match) continue;
        const params = decodeParams(r.names, match, mount);
        const context: RestContext = {
          store: this.store,
          actor,
          params,
          query: url.searchParams,
          request,
          body: async () => {
            const text = await request.text();
            if (text.trim() === '') return undefined;
            let parsed: unknown;
            try {
              parsed = JSON.parse(text);
            } catch {
              throw jiraError(400, ['Unexpected character in the request body: it is not valid JSON.']);
            }
            const illFormed = illFormedPath(parsed);
            if (illFormed) throw mount.badRequest(`${formatField(illFormed)}: ${ILL_FORMED_MESSAGE}`);
            return parsed;
          },
        };
        const result = await r.handler(context);
        // A file (attachment content) goes out as it is.
        if (result instanceof Response) return result;
        if (result instanceof RestReply) return json(result.status, result.body, { ...result.headers });
        return json(200, result);
      }
      return json(404, { errorMessages: [`No endpoint ${request.method} ${rest}`], errors: {} });
    }
    return json(404, { errorMessages: ['Not found'], errors: {} });
  }
}
