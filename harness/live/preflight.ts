import { listedNames } from '../records/bounds.ts';
import { AuthError } from '../auth/errors.ts';
import { connect, type Session } from '../connect/session.ts';
import { detectSessionDialect, driverFor } from '../drivers/index.ts';
import type { Driver } from '../drivers/types.ts';
import { HarnessError } from '../errors.ts';
import { redactText } from '../redact.ts';
import { authorizationHeader, type Credentials } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { LiveConfig } from './env.ts';
import { LiveError } from './errors.ts';
import { AtlassianRest, errorText } from './rest.ts';

export type PreflightCheck =
  | 'unreachable'
  | 'credentials'
  | 'api-token-disabled'
  | 'ip-blocked'
  | 'site'
  | 'sandbox-project'
  | 'sandbox-space'
  | 'create-permission'
  | 'rest-access';

/** Live mode cannot start; `check` names what failed and the message says what to do. */
export class PreflightError extends LiveError {
  constructor(
    readonly check: PreflightCheck,
    message: string,
  ) {
    super('PREFLIGHT_FAILED', `preflight (${check}): ${message}`);
  }
}

/** The site as preflight found it; workers take it from the run settings instead of asking again. */
export interface LiveSite {
  cloudId: string;
  host: string;
  sandboxSpaceId?: string | undefined;
  /** Things that work but deserve a line (teardown will close rather than delete...). */
  notes: string[];
}

const ADMIN_SWITCH =
  'an organization admin enables it in Atlassian Administration → Rovo → Rovo MCP server → Authentication (it can take hours to apply); or sign in with OAuth instead (`npx rovo-mcp-conformance login`)';
const ALLOWLIST =
  "ask an organization admin to add this machine's egress IP (the CI runner's) to the IP allowlist (Atlassian Administration → Security → IP allowlists), or run from an allowed network";

/** The server's own sentence from a refusal body, when it has one. */
function sentence(body: string): string {
  try {
    const json: unknown = JSON.parse(body);
    if (json !== null && typeof json === 'object')
      for (const key of ['error_description', 'message', 'error'])
        if (key in json && typeof (json as Record<string, unknown>)[key] === 'string')
          return String((json as Record<string, unknown>)[key]);
  } catch {
    // not JSON: the text itself
  }
  return body.trim().slice(0, 200);
}

/** A refusal of the MCP endpoint, named by what it means for the person fixing it. */
export function classifyRefusal(status: number, body: string, auth: LiveConfig['auth']): PreflightError {
  const said = redactText(sentence(body));
  const quoted = said ? `: "${said}"` : '';
  if (status === 401)
    return new PreflightError(
      'credentials',
      auth.kind === 'basic'
        ? `the endpoint refused the credentials (HTTP 401${quoted}); check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN: the token must be a scoped API token ("Create API token with scopes", app Rovo MCP) of that account, not revoked or expired`
        : `the endpoint refused the OAuth token from ${auth.source} (HTTP 401${quoted}); sign in again with \`npx rovo-mcp-conformance login\``,
    );
  if (status === 403 && /api[ -]?token/i.test(said) && /permission|enable|admin/i.test(said))
    return new PreflightError(
      'api-token-disabled',
      `API-token authentication is not enabled for the Rovo MCP server (HTTP 403${quoted}); ${ADMIN_SWITCH}`,
    );
  if (status === 403 && /\bIP\b|allowlist/i.test(said))
    return new PreflightError(
      'ip-blocked',
      `this machine's IP address is not allowed (HTTP 403${quoted}); ${ALLOWLIST}`,
    );
  if (status === 403)
    return new PreflightError(
      'credentials',
      `the endpoint refused the credentials (HTTP 403${quoted}); a classic API token is refused ("requires a modern API token"): create a scoped one; if API-token access is new, ${ADMIN_SWITCH}; if the org uses an IP allowlist, ${ALLOWLIST}`,
    );
  return new PreflightError(
    'unreachable',
    `the endpoint answered HTTP ${status}${quoted}; check ROVO_MCP_URL`,
  );
}

/** One raw initialize with the credential, to read the refusal the SDK would reduce to a bare status. */
async function probeEndpoint(
  url: URL,
  credentials: Credentials,
  config: LiveConfig,
  fetcher: typeof fetch,
): Promise<void> {
  const authorization = authorizationHeader(credentials);
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 0,
        method: 'initialize',
        params: {
          protocolVersion: '2025-06-18',
          capabilities: {},
          clientInfo: { name: 'rovo-mcp-conformance-preflight', version: '0' },
        },
      }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch (error) {
    throw new PreflightError(
      'unreachable',
      `cannot reach ${url.href}: ${(error as Error).message}; check ROVO_MCP_URL, the network and any proxy`,
    );
  }
  const body = await response.text();
  if (response.status >= 400) throw classifyRefusal(response.status, body, config.auth);
}

async function open(
  target: TargetSpec,
  credentials: Credentials,
  config: LiveConfig,
  timeoutMs: number,
  fetcher: typeof fetch,
): Promise<Session> {
  try {
    return await connect(target, { credentials, requestTimeoutMs: timeoutMs, fetch: fetcher });
  } catch (error) {
    if (error instanceof AuthError)
      throw new PreflightError('credentials', error.message.replace(/^\[harness\] /, ''));
    const status = /HTTP (\d{3})/.exec((error as Error).message)?.[1];
    if (status) throw classifyRefusal(Number(status), (error as Error).message, config.auth);
    throw new PreflightError('unreachable', (error as Error).message.replace(/^\[harness\] /, ''));
  }
}

/**
 * Rovo lets a Basic credential that is no API token of the site into an anonymous session with the
 * Teamwork Graph tools alone (fidelity fact, fixtures/fidelity/v1.json): that is a credentials problem.
 */
async function refuseAnonymous(session: Session): Promise<void> {
  const names = await session.listToolNames();
  if (!names.includes('getAccessibleAtlassianResources'))
    throw new PreflightError(
      'credentials',
      `the credentials opened a session without getAccessibleAtlassianResources (${listedNames(names)}), as Rovo does for a Basic credential that is no API token of the site; check ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN`,
    );
}

async function findSite(driver: Driver, config: LiveConfig): Promise<{ cloudId: string; host: string }> {
  const sites = await driver.accessibleSites();
  const wanted = config.site;
  const hit = sites.find((s) =>
    'cloudId' in wanted ? s.cloudId === wanted.cloudId : new URL(s.url).host === wanted.host,
  );
  if (!hit)
    throw new PreflightError(
      'site',
      `ATLASSIAN_SITE ${'cloudId' in wanted ? wanted.cloudId : wanted.host} is not among the sites these credentials reach (${sites.map((s) => `${new URL(s.url).host} = ${s.cloudId}`).join(', ') || 'none'}); set it to one of them, or use an account of that site`,
    );
  return { cloudId: hit.cloudId, host: new URL(hit.url).host };
}

async function checkProject(driver: Driver, key: string, writes: boolean): Promise<void> {
  const visible = await driver.listProjects({ query: key });
  if (!visible.some((p) => p.key === key))
    throw new PreflightError(
      'sandbox-project',
      `ATLASSIAN_SANDBOX_PROJECT ${key} does not exist or this account cannot browse it; create a Jira project for conformance runs (nothing else in it) and give the account Browse, Create and Delete issues there`,
    );
  if (!writes) return;
  const creatable = await driver.listProjects({ query: key, action: 'create' });
  if (!creatable.some((p) => p.key === key))
    throw new PreflightError(
      'create-permission',
      `this account may not create issues in ${key}; grant it "Create issues" (and "Delete issues", so teardown can delete what runs create) in the project's permission scheme, or run with --read-only`,
    );
}

async function checkSpace(driver: Driver, key: string): Promise<string> {
  const space = (await driver.spaces()).find((s) => s.key === key);
  if (!space)
    throw new PreflightError(
      'sandbox-space',
      `ATLASSIAN_SANDBOX_SPACE ${key} does not exist or this account cannot view it; create a Confluence space for conformance runs and give the account permission to add and delete pages there`,
    );
  return space.id;
}

/** REST is how teardown deletes: a writing run must be able to use it with the same credentials. */
async function checkRest(
  rest: AtlassianRest,
  project: string,
  spaceId: string,
  notes: string[],
): Promise<void> {
  const me = await rest.jira('/myself');
  if (me.status >= 300)
    throw new PreflightError(
      'rest-access',
      `Jira REST refused the credentials (${errorText(me)}), and teardown deletes through REST; use a scoped API token with read:jira-work, write:jira-work, read:page:confluence, write:page:confluence and delete:page:confluence (ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN), or run with --read-only`,
    );
  const space = await rest.confluence(`/spaces/${encodeURIComponent(spaceId)}/operations`);
  const ops = JSON.stringify(space.body ?? '');
  if (space.status >= 300 || !ops.includes('"create"'))
    throw new PreflightError(
      'create-permission',
      `this account may not add pages to the sandbox space (${space.status >= 300 ? errorText(space) : 'no create operation'}); give it "Add pages" and "Delete pages" there, or run with --read-only`,
    );
  const perms = await rest.jira(
    `/mypermissions?projectKey=${encodeURIComponent(project)}&permissions=DELETE_ISSUES`,
  );
  if (!JSON.stringify(perms.body ?? '').includes('"havePermission":true'))
    notes.push(
      `this account may not delete issues in ${project}: teardown will move them to done and label them instead (grant "Delete issues" to remove them)`,
    );
}

export interface PreflightOptions {
  writes: boolean;
  requestTimeoutMs: number;
  credentials: Credentials;
  fetch?: typeof fetch;
}

/**
 * Checks, before any check runs, everything a live run needs, and stops at the first problem with a
 * message that says what to do: the endpoint is reachable and takes the credentials (not refused as bad,
 * as API-token auth the admin has not enabled, or as an IP outside the allowlist), the site is one the
 * credentials reach, the sandbox project and space exist, and a writing run may create there and reach
 * REST for teardown.
 */
export async function preflight(
  target: TargetSpec,
  config: LiveConfig,
  options: PreflightOptions,
): Promise<LiveSite> {
  const fetcher = options.fetch ?? fetch;
  if (options.credentials.kind !== 'oauth')
    await probeEndpoint(config.mcpUrl, options.credentials, config, fetcher);
  const session = await open(target, options.credentials, config, options.requestTimeoutMs, fetcher);
  try {
    await refuseAnonymous(session);
    // The target's dialect, or (auto) the one its tools/list speaks: v1 and v2 read sites differently.
    const dialect = target.dialect === 'auto' ? await detectSessionDialect(session) : target.dialect;
    const site = await findSite(await driverFor(dialect, { session, cloudId: '' }), config);
    const driver = await driverFor(dialect, { session, cloudId: site.cloudId });
    const notes: string[] = [];
    const { sandboxProject, sandboxSpace } = config;
    if (options.writes && (!sandboxProject || !sandboxSpace))
      throw new PreflightError(
        !sandboxProject ? 'sandbox-project' : 'sandbox-space',
        `a run that writes needs ${!sandboxProject ? 'ATLASSIAN_SANDBOX_PROJECT (a Jira project key)' : 'ATLASSIAN_SANDBOX_SPACE (a Confluence space key)'}: checks create only there; set it, or run with --read-only`,
      );
    if (sandboxProject) await checkProject(driver, sandboxProject, options.writes);
    const sandboxSpaceId = sandboxSpace ? await checkSpace(driver, sandboxSpace) : undefined;
    if (options.writes && sandboxProject && sandboxSpaceId) {
      const rest = new AtlassianRest(
        config.apiUrl,
        site.cloudId,
        () => restAuthorization(options.credentials),
        fetcher,
      );
      await checkRest(rest, sandboxProject, sandboxSpaceId, notes);
    }
    return { ...site, sandboxSpaceId, notes };
  } catch (error) {
    if (error instanceof LiveError || error instanceof HarnessError) throw error;
    const message = redactText((error as Error).message);
    // Outside the IP allowlist the session opens and searches work; other tools refuse (#121).
    if (/connect from this IP address/i.test(message))
      throw new PreflightError(
        'ip-blocked',
        `this machine's IP address is not allowed (a read through ${target.name} answered: ${message}); ${ALLOWLIST}`,
      );
    throw new PreflightError('unreachable', `a read through ${target.name} failed: ${message}`);
  } finally {
    await session.close();
  }
}

/** The Authorization header REST calls carry: the API token's Basic header, or the OAuth access token. */
export function restAuthorization(credentials: Credentials): string | undefined {
  if (credentials.kind === 'oauth') {
    const token = credentials.provider.tokens()?.access_token;
    return token ? `Bearer ${token}` : undefined;
  }
  return authorizationHeader(credentials);
}
