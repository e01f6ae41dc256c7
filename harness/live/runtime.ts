import { join, resolve } from 'node:path';
import { providerFor } from '../auth/identity.ts';
import { PACKAGE_ROOT } from '../../lib/paths.ts';
import { NotTestableError } from '../errors.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Credentials, IdentityName, SiteFacts } from '../targets/identities.ts';
import type { RuntimeFactory, TargetRuntime } from '../targets/runtimes.ts';
import type { TargetSpec } from '../targets/spec.ts';
import { DEFAULT_BUDGET, RateBudget } from './budget.ts';
import { identityHint, type LiveConfig, liveConfig } from './env.ts';
import { LiveError } from './errors.ts';
import { MARKER_LABEL, runLabelOf, WriteGuard } from './guard.ts';
import { Ledger, ledgerPath } from './ledger.ts';
import { preflight, restAuthorization } from './preflight.ts';
import { AtlassianRest, errorText } from './rest.ts';
import { labelPage } from './teardown.ts';

/** Where a run's ledger goes unless `--ledger` says otherwise. */
export function ledgerDirOf(settings: RunSettings): string {
  return settings.ledgerDir ?? join(resolve(PACKAGE_ROOT, settings.reportsDir), 'ledger');
}

/** The run's own identity: Basic with the API token, or OAuth from the token store. */
export function mainCredentials(config: LiveConfig): Credentials {
  if (config.auth.kind === 'basic')
    return { kind: 'basic', email: config.auth.email, apiToken: config.auth.apiToken };
  return {
    kind: 'oauth',
    provider: providerFor({ kind: 'store', path: config.auth.store }, config.mcpUrl.href),
    client: 'harness',
  };
}

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

const states = new Map<string, Promise<TargetRuntime>>();

async function prepare(target: TargetSpec, settings: RunSettings): Promise<TargetRuntime> {
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
  return { site: liveFacts(config, site, credentials), connect: { fetch: fetcher, calls: guard } };
}

/**
 * The real endpoint (or whatever `ROVO_MCP_URL` points at: the same code runs against the mock on
 * loopback in tests). One state per target and worker process: its budget, ledger and write guard are
 * shared by every check the worker runs, and a live run uses one worker.
 */
export const liveRuntime: RuntimeFactory = async (target, settings) => {
  let state = states.get(target.name);
  if (!state) {
    state = prepare(target, settings);
    states.set(target.name, state);
    state.catch(() => states.delete(target.name));
  }
  return state;
};
