import type { RunSettings } from '../config/settings.ts';
import { HarnessError, NotTestableError } from '../errors.ts';
import { DEFAULT_BUDGET, RateBudget } from '../live/budget.ts';
import { DEFAULT_MCP_URL, identityHint, type LiveConfig, liveConfig, mainCredentials } from '../live/env.ts';
import { LiveError } from '../live/errors.ts';
import { MARKER_LABEL, runLabelOf, WriteGuard } from '../live/guard.ts';
import { Ledger, ledgerDirOf, ledgerPath } from '../live/ledger.ts';
import { preflight, restAuthorization } from '../live/preflight.ts';
import { AtlassianRest, errorText } from '../live/rest.ts';
import { labelPage } from '../live/teardown.ts';
import type { Credentials, IdentityName, SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { CheckSetup, Kind } from './kind.ts';

/** Facts a check reads; a sandbox that is not configured makes the check not-testable, naming the variable. */
function liveFacts(
  config: LiveConfig,
  site: { cloudId: string; host: string },
  credentials: Credentials,
): SiteFacts {
  const identities: SiteFacts['identities'] = { member: credentials };
  for (const [name, pair] of Object.entries(config.identities) as [
    IdentityName,
    { email: string; apiToken: string },
  ][])
    identities[name] = { kind: 'basic', ...pair };
  const sandbox = (value: string | undefined, variable: string) => {
    if (value === undefined)
      throw new NotTestableError(`${variable} (the sandbox this check reads or writes in) is not set`);
    return value;
  };
  return {
    cloudId: site.cloudId,
    host: site.host,
    get sandboxProject() {
      return sandbox(config.sandboxProject, 'ATLASSIAN_SANDBOX_PROJECT');
    },
    get sandboxSpace() {
      return sandbox(config.sandboxSpace, 'ATLASSIAN_SANDBOX_SPACE');
    },
    identities,
    ...(config.auth.kind === 'oauth'
      ? { oauth: { member: { kind: 'store', path: config.auth.store } } }
      : {}),
    setupHint: identityHint,
  };
}

/** One state per target and worker: its budget, ledger and write guard serve every check the worker runs. */
const states = new Map<string, Promise<CheckSetup>>();

async function prepare(target: TargetSpec, settings: RunSettings): Promise<CheckSetup> {
  if (!target.url) throw new LiveError('LIVE_ENV_INVALID', `${target.name} has no MCP URL`);
  const config = liveConfig(target.url);
  const credentials = mainCredentials(config);
  const budget = new RateBudget(settings.budget ?? DEFAULT_BUDGET);
  const fetcher = budget.fetch();
  // The CLI ran preflight and passed what it found; plain vitest asks the endpoint once per worker.
  const site =
    settings.live?.[target.name] ??
    (await preflight(target, config, {
      writes: false,
      requestTimeoutMs: settings.requestTimeoutMs,
      credentials,
      fetch: fetcher,
    }));
  const rest = new AtlassianRest(config.apiUrl, site.cloudId, () => restAuthorization(credentials), fetcher);
  const ledger = new Ledger(ledgerPath(ledgerDirOf(settings), settings.runId), settings.runId);
  const guard = new WriteGuard({
    runId: settings.runId,
    readOnly: settings.readOnly,
    sandboxProject: config.sandboxProject,
    sandboxSpace: config.sandboxSpace ? { key: config.sandboxSpace, id: site.sandboxSpaceId } : undefined,
    ledger,
    async labelPage(id) {
      const answer = await labelPage(rest, id, [MARKER_LABEL, runLabelOf(settings.runId)]);
      if (answer.status >= 300)
        throw new LiveError(
          'WRITE_REFUSED',
          `page ${id} was created but could not be labelled for cleanup (${errorText(answer)}); it is in the ledger and teardown will delete it. Confluence REST must accept the run's credentials (set ATLASSIAN_EMAIL and ATLASSIAN_API_TOKEN)`,
        );
    },
  });
  return {
    site: liveFacts(config, site, credentials),
    endpoint: new URL(target.url),
    connect: { fetch: fetcher, calls: [guard] },
  };
}

/** `ROVO_MCP_URL` relocates rovo-live: `/v1/mcp/authv2`, v2's `/v2/mcp`, or a mock on loopback in tests. */
function liveUrl(): string | undefined {
  const value = process.env.ROVO_MCP_URL?.trim();
  if (!value) return undefined;
  if (!URL.canParse(value) || !/^https?:$/.test(new URL(value).protocol))
    throw new HarnessError('CONFIG_INVALID', `ROVO_MCP_URL is not an http(s) URL: "${value}"`);
  return value;
}

/**
 * `rovo-live`: the real endpoint (or whatever `ROVO_MCP_URL` points at: the same code runs against the
 * mock on loopback in tests). One state per target and worker process: its budget, ledger and write
 * guard are shared by every check the worker runs, and a live run uses one worker.
 */
export const rovoLive: Kind = {
  presets: {
    'rovo-live': () => {
      const url = liveUrl();
      return {
        name: 'rovo-live',
        kind: 'rovo-live',
        // v1 or v2 is told from tools/list, not the URL: at the 2027-03-01 cutover /v1/mcp serves v2's tools.
        dialect: 'auto',
        url: url ?? DEFAULT_MCP_URL,
        reason: url ? 'built-in target at ROVO_MCP_URL' : 'built-in target',
      };
    },
  },
  mock: false,
  setup(target, settings) {
    let state = states.get(target.name);
    if (!state) {
      state = prepare(target, settings);
      states.set(target.name, state);
      state.catch(() => states.delete(target.name));
    }
    return state;
  },
};
