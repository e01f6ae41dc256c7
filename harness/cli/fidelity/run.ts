import { FakeCloud } from '../../../mocks/cloud.ts';
import type { Profile } from '../../../mocks/rovo/profile/schema.ts';
import { fetchInto } from '../../../lib/request-handler.ts';
import { NotTestableError } from '../../errors.ts';
import { WRITES } from '../../live/guard.ts';
import { type Answer, ProbeExchange } from './exchange.ts';
import { miss, valueAt } from './expect.ts';
import type { Credential, Fact, Probe, Step } from './schema.ts';

/** What one fact's probe found. */
export interface FactResult {
  fact: Fact;
  /**
   * `held`: the target reproduced the fact; `missed`: it did not (with why); `not-testable`: the probe
   * needs what this target cannot give (with why); `no-probe`: nothing to run.
   */
  outcome: 'held' | 'missed' | 'not-testable' | 'no-probe';
  why?: string;
}

/** Where a probe goes, as whom, and what its `${...}` variables are; `cloud` only on a mock. */
export interface ProbeSite {
  /** The endpoint of the fact's generation, without the probe's query. */
  url: URL;
  fetch: typeof globalThis.fetch;
  /** Headers for a credential; throws NotTestableError when the target has no such identity. */
  headers(credential: Credential): Record<string, string>;
  /** cloudId, siteHost, project, as getters: one may throw NotTestableError (an http: target names no site). */
  vars(): Record<string, unknown>;
  cloud?: FakeCloud;
}

/** The member of the site fixture signs every probe's requests on a mock. */
const MEMBER = 'member';
const SERVICE_ACCOUNT = 'automation';
const SANDBOX = 'SBX';
export const WRONG_TOKEN = 'ATATT-not-a-token-of-this-site';

export const basicOf = (email: string, token: string) =>
  `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;

/** The fixture site's credentials: the member's tokens, and the service account's API key. */
export function cloudCredentials(cloud: FakeCloud, credential: Credential): Record<string, string> {
  const member = cloud.store.userByHandle(MEMBER);
  if (!member) throw new Error(`the site fixture has no "${MEMBER}" user to sign fidelity probes`);
  const basic = (token: string) => ({ authorization: basicOf(member.email, token) });
  switch (credential) {
    case 'none':
      return {};
    case 'api-token':
      return basic(member.apiToken);
    case 'wrong-token':
      return basic(WRONG_TOKEN);
    case 'classic-token': {
      const classic = member.tokens.find((t) => t.scopes === undefined);
      if (!classic) throw new Error(`the site fixture gives "${MEMBER}" no classic token`);
      return basic(classic.token);
    }
    case 'service-account-key': {
      const account = cloud.store.userByHandle(SERVICE_ACCOUNT);
      if (!account) throw new NotTestableError(`a "${SERVICE_ACCOUNT}" service account in the site fixture`);
      return { authorization: `Bearer ${account.apiToken}` };
    }
  }
}

/** A fake cloud's fixture site at `url` (the endpoint of the fact's generation on that cloud). */
export function cloudSite(cloud: FakeCloud, url: URL, fetch: typeof globalThis.fetch): ProbeSite {
  return {
    url,
    fetch,
    headers: (credential) => cloudCredentials(cloud, credential),
    vars: () => ({ cloudId: cloud.store.site.cloudId, siteHost: cloud.store.site.host, project: SANDBOX }),
    cloud,
  };
}

/** The path a fact's generation is served at (both-generation facts are probed on v1). */
export const pathOf = (fact: Fact) => `/${fact.generation === 'v2' ? 'v2' : 'v1'}/mcp`;

/** Replaces `${name}` in every string of `value` by the named variable. */
function fill(value: unknown, vars: Record<string, unknown>): unknown {
  if (typeof value === 'string') {
    const whole = /^\$\{(\w+)\}$/.exec(value);
    if (whole?.[1] !== undefined && whole[1] in vars) return vars[whole[1]];
    return value.replace(/\$\{(\w+)\}/g, (all, name: string) => (name in vars ? String(vars[name]) : all));
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars));
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)]));
  return value;
}

async function runStep(exchange: ProbeExchange, step: Step, vars: Record<string, unknown>): Promise<Answer> {
  if (step.do !== 'call') return exchange.run(step);
  let answer: Answer = {};
  for (let i = 0; i < step.repeat; i++) {
    // Read through, not spread: a variable is only looked up (and on some targets found missing) when used.
    const scope = Object.assign(Object.create(vars) as Record<string, unknown>, { n: i + 1 });
    answer = await exchange.run(step, fill(step.args, scope) as Record<string, unknown>);
  }
  for (const [name, path] of Object.entries(step.save)) vars[name] = valueAt(answer, path);
  return answer;
}

function applyMockSetup(cloud: FakeCloud, probe: Probe): void {
  const setup = probe.mockSetup;
  if (setup?.ipAllowlist) cloud.auth.ipAllowlist = setup.ipAllowlist;
  if (setup?.apiTokens) cloud.auth.apiToken = { ...cloud.auth.apiToken, enabled: false };
  if (setup?.upstream) {
    // The products fail; v2's discover answers from its local catalogue, so it is not a product call.
    const fail = ({ tool }: { tool: string }) => {
      if (tool !== 'discover') throw new Error('the fidelity probe made Jira unreachable');
    };
    cloud.rovo.hooks.calls.push(fail);
    cloud.rovoV2.hooks.calls.push(fail);
  }
}

/** Why a target the harness does not own cannot run this probe, or undefined when it can. */
function unownedBlocker(probe: Probe): string | undefined {
  if (probe.mockSetup)
    return `the probe sets the mock up first (${Object.keys(probe.mockSetup).join(', ')}); only a mock target can be set up so`;
  const writes = [...probe.setup, probe.check].flatMap((s) =>
    s.do === 'call' && WRITES.test(s.tool) ? [s.tool] : [],
  );
  if (writes.length > 0)
    return `the probe writes (${[...new Set(writes)].join(', ')}); fidelity writes only to a mock it owns`;
  return undefined;
}

/** Runs one fact's probe at `site`; a missing prerequisite is `not-testable`, naming it. */
export async function runProbe(fact: Fact, site: ProbeSite): Promise<FactResult> {
  const probe = fact.probe;
  if (!probe) return { fact, outcome: 'no-probe' };
  const blocker = site.cloud ? undefined : unownedBlocker(probe);
  if (blocker) return { fact, outcome: 'not-testable', why: blocker };
  try {
    if (site.cloud) applyMockSetup(site.cloud, probe);
    const url = new URL(site.url);
    if (probe.query) url.search = probe.query;
    const exchange = new ProbeExchange(url, site.fetch, site.headers(probe.credential), probe.clientName);
    const vars = site.vars();
    for (const step of probe.setup) await runStep(exchange, step, vars);
    const answer = await runStep(exchange, probe.check, vars);
    const misses = probe.expect.flatMap((e) => miss(answer, e) ?? []);
    return misses.length === 0
      ? { fact, outcome: 'held' }
      : { fact, outcome: 'missed', why: misses.join('; ') };
  } catch (error) {
    if (error instanceof NotTestableError) return { fact, outcome: 'not-testable', why: error.prerequisite };
    throw error;
  }
}

/** Runs one fact's probe on a fresh fake cloud of `profile` (each probe sees the fixture site as seeded). */
export async function probeMock(fact: Fact, profile: Profile): Promise<FactResult> {
  const cloud = new FakeCloud({ profile });
  try {
    return await runProbe(
      fact,
      cloudSite(cloud, new URL(pathOf(fact), 'https://mcp.atlassian.com'), fetchInto(cloud)),
    );
  } finally {
    await cloud.close();
  }
}
