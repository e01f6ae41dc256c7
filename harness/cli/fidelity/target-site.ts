import type { CheckSetup } from '../../kinds/kind.ts';
import { HarnessError, NotTestableError } from '../../errors.ts';
import { authorizationHeader, basicHeader, type Credentials } from '../../targets/identities.ts';
import type { TargetSpec } from '../../targets/spec.ts';
import type { RunSettings } from '../../config/settings.ts';
import { setupFor } from '../../kinds/index.ts';
import { cloudSite, type FactResult, pathOf, type ProbeSite, runProbe, WRONG_TOKEN } from './run.ts';
import type { Credential, Fact } from './schema.ts';

/** The endpoint generation a URL serves: `/v2/...` is v2, every other Rovo path v1. */
export const generationOf = (url: URL): 'v1' | 'v2' => (/^\/v2\//.test(url.pathname) ? 'v2' : 'v1');

/** A target's credentials for a probe: its identities, or the Authorization its configured headers carry. */
function targetHeaders(
  target: TargetSpec,
  setup: CheckSetup,
  credential: Credential,
): Record<string, string> {
  const { authorization: configured, ...plain } = Object.fromEntries(
    Object.entries(target.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
  );
  const member: Credentials = setup.site.identities.member ?? { kind: 'none' };
  const basicMember = member.kind === 'basic' ? member : undefined;
  const sign = (authorization: string | undefined, what: string) => {
    if (!authorization) throw new NotTestableError(`${what} for ${target.name}`);
    return { ...plain, authorization };
  };
  switch (credential) {
    case 'none':
      return plain;
    case 'api-token':
      return sign(authorizationHeader(member) ?? configured, 'an API token or bearer credential (member)');
    case 'wrong-token':
      return sign(
        basicMember && basicHeader({ ...basicMember, apiToken: WRONG_TOKEN }),
        'an API-token identity (member) whose email a wrong token is paired with',
      );
    case 'classic-token': {
      const classic = setup.site.identities.classic;
      return sign(
        classic?.kind === 'basic' ? basicHeader(classic) : undefined,
        'a classic (unscoped) API token identity (classic)',
      );
    }
    case 'service-account-key':
      return sign(undefined, 'a service-account API key (no identity names one)');
  }
}

/**
 * Where a fact's probe goes on a target prepared by its kind: on a mock (a fresh fake cloud) the
 * fact's generation is served at its own path of the same origin; elsewhere only the facts of the
 * endpoint's generation can be probed.
 */
export function targetSite(target: TargetSpec, setup: CheckSetup, fact: Fact): ProbeSite {
  const endpoint = setup.endpoint;
  if (!endpoint)
    throw new HarnessError(
      'USAGE',
      `--target ${target.name}: a ${target.kind} target is not reached over HTTP; fidelity probes an MCP endpoint URL (rovo-mock, rovo-live, http:<url>)`,
    );
  const fetch = setup.connect.fetch ?? globalThis.fetch;
  const { cloud, site } = setup;
  if (cloud) return cloudSite(cloud, new URL(pathOf(fact), endpoint), fetch);
  const served = generationOf(endpoint);
  if (fact.generation !== 'both' && fact.generation !== served)
    throw new NotTestableError(
      `a ${fact.generation} endpoint (${target.name} serves ${served} at ${endpoint.pathname}; point it at /${fact.generation}/mcp)`,
    );
  return {
    url: endpoint,
    fetch,
    headers: (credential) => targetHeaders(target, setup, credential),
    vars: () => ({
      get cloudId() {
        return site.cloudId;
      },
      get siteHost() {
        return site.host;
      },
      get project() {
        return site.sandboxProject;
      },
    }),
  };
}

/** Runs one fact's probe on `target`, prepared by its kind as for a check (a mock: a fresh cloud). */
export async function probeTarget(
  target: TargetSpec,
  settings: RunSettings,
  fact: Fact,
): Promise<FactResult> {
  const setup = await setupFor(target, settings);
  let site: ProbeSite;
  try {
    site = targetSite(target, setup, fact);
  } catch (error) {
    if (error instanceof NotTestableError) return { fact, outcome: 'not-testable', why: error.prerequisite };
    throw error;
  }
  return runProbe(fact, site);
}
