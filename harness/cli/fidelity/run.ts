import { FakeCloud } from '../../../mocks/cloud.ts';
import type { Profile } from '../../../mocks/rovo/profile/schema.ts';
import { fetchInto } from '../../../lib/request-handler.ts';
import { type Answer, ProbeExchange } from './exchange.ts';
import { miss, valueAt } from './expect.ts';
import type { Fact, Probe, Step } from './schema.ts';

/** What one fact's probe found. */
export interface FactResult {
  fact: Fact;
  /** `held`: the target reproduced the fact; `missed`: it did not (with why); `no-probe`: nothing to run. */
  outcome: 'held' | 'missed' | 'no-probe';
  why?: string;
}

/** The member of the site fixture signs every probe's requests. */
const MEMBER = 'member';
const SANDBOX = 'SBX';

function authorization(cloud: FakeCloud, probe: Probe): string | undefined {
  const member = cloud.store.userByHandle(MEMBER);
  if (!member) throw new Error(`the site fixture has no "${MEMBER}" user to sign fidelity probes`);
  const basic = (token: string) => `Basic ${Buffer.from(`${member.email}:${token}`).toString('base64')}`;
  switch (probe.credential) {
    case 'none':
      return undefined;
    case 'api-token':
      return basic(member.apiToken);
    case 'wrong-token':
      return basic('ATATT-not-a-token-of-this-site');
    case 'classic-token': {
      const classic = member.tokens.find((t) => t.scopes === undefined);
      if (!classic) throw new Error(`the site fixture gives "${MEMBER}" no classic token`);
      return basic(classic.token);
    }
  }
}

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
  for (let i = 0; i < step.repeat; i++)
    answer = await exchange.run(step, fill(step.args, { ...vars, n: i + 1 }) as Record<string, unknown>);
  for (const [name, path] of Object.entries(step.save)) vars[name] = valueAt(answer, path);
  return answer;
}

function applyMockSetup(cloud: FakeCloud, probe: Probe): void {
  const setup = probe.mockSetup;
  if (setup?.ipAllowlist) cloud.auth.ipAllowlist = setup.ipAllowlist;
  if (setup?.apiTokens) cloud.auth.apiToken = { ...cloud.auth.apiToken, enabled: false };
  if (setup?.upstream)
    cloud.rovo.hooks.calls.push(() => {
      throw new Error('the fidelity probe made Jira unreachable');
    });
}

/** Runs one fact's probe on a fresh fake cloud of `profile` (each probe sees the fixture site as seeded). */
export async function probeMock(fact: Fact, profile: Profile): Promise<FactResult> {
  const probe = fact.probe;
  if (!probe) return { fact, outcome: 'no-probe' };
  const cloud = new FakeCloud({ profile });
  try {
    applyMockSetup(cloud, probe);
    const url = new URL(`https://mcp.atlassian.com/v1/mcp${probe.query ? `?${probe.query}` : ''}`);
    const exchange = new ProbeExchange(url, fetchInto(cloud), authorization(cloud, probe), probe.clientName);
    const vars: Record<string, unknown> = {
      cloudId: cloud.store.site.cloudId,
      siteHost: cloud.store.site.host,
      project: SANDBOX,
    };
    for (const step of probe.setup) await runStep(exchange, step, vars);
    const answer = await runStep(exchange, probe.check, vars);
    const misses = probe.expect.flatMap((e) => miss(answer, e) ?? []);
    return misses.length === 0
      ? { fact, outcome: 'held' }
      : { fact, outcome: 'missed', why: misses.join('; ') };
  } finally {
    await cloud.close();
  }
}
