import type { RunSettings } from '../config/settings.ts';
import { NotTestableError } from '../errors.ts';
import { DEFAULT_BUDGET, RateBudget } from '../live/budget.ts';
import { identityHint, type LiveConfig, liveConfig, mainCredentials } from '../live/env.ts';
import { LiveError } from '../live/errors.ts';
import { MARKER_LABEL, runLabelOf, WriteGuard } from '../live/guard.ts';
import { Ledger, ledgerDirOf, ledgerPath } from '../live/ledger.ts';
import { preflight, restAuthorization } from '../live/preflight.ts';
import { AtlassianRest, errorText } from '../live/rest.ts';
import { labelPage } from '../live/teardown.ts';
import type { Credentials, IdentityName, SiteFacts } from '../targets/identities.ts';
import type { TargetSpec } from '../targets/spec.ts';
import type { CheckSetup } from './kind.ts';

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

/** The budget, ledger and write guard of one live target in this worker, after its preflight. */
export async function prepare(target: TargetSpec, settings: RunSettings): Promise<CheckSetup> {
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
