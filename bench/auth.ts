import { providerFor } from '../harness/auth/identity.ts';
import type { HarnessOAuthProvider } from '../harness/auth/provider.ts';
import { connect, type Session } from '../harness/connect/session.ts';
import { ROVO_MOCK_URL } from '../harness/kinds/rovo-mock.ts';
import type { OAuthClientKind } from '../harness/targets/identities.ts';
import { closeWorkerCloud, freshCloud } from '../harness/kinds/worker-cloud.ts';
import type { FakeCloud } from '../mocks/cloud.ts';
import { ms, percentile, timeIt, type Bench, type Figure } from './stats.ts';

const TARGET = { name: 'rovo-mock', kind: 'rovo-mock', dialect: 'rovo', reason: 'bench' } as const;
const EXPIRIES = 100;
const ROUNDS = 10;

async function signedIn(cloud: FakeCloud, client: OAuthClientKind) {
  const email = cloud.store.userByHandle('member')?.email ?? '';
  const provider: HarnessOAuthProvider = providerFor(
    { kind: 'headless', loginHint: email },
    ROVO_MOCK_URL.href,
  );
  const session: Session = await connect(TARGET, {
    credentials: { kind: 'oauth', provider, client },
    requestTimeoutMs: 10_000,
    url: ROVO_MOCK_URL,
  });
  const call = () => session.callTool('getIssueLinkTypes', { cloudId: cloud.store.site.cloudId });
  await call();
  return { provider, session, call };
}

/** One expired token at a time: the expiry is set, then one call is timed until it is answered. */
async function expiryToAnswer(cloud: FakeCloud, client: OAuthClientKind): Promise<number[]> {
  const { session, call } = await signedIn(cloud, client);
  const samples: number[] = [];
  for (let i = 0; i < EXPIRIES; i++) {
    cloud.tokens.expireAccessTokens();
    samples.push(await timeIt(call));
  }
  await session.close();
  return samples;
}

/**
 * `callers` calls meet each expiry together. A fresh sign-in per round, because a plain client whose
 * racing refreshes killed its grant cannot go on.
 */
async function refreshesPerExpiry(cloud: FakeCloud, client: OAuthClientKind, callers: number) {
  let refreshes = 0;
  let failed = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const { provider, session, call } = await signedIn(cloud, client);
    const before = provider.stats.refreshRequests;
    cloud.tokens.expireAccessTokens();
    const results = await Promise.allSettled(Array.from({ length: callers }, call));
    refreshes += provider.stats.refreshRequests - before;
    failed += results.filter((r) => r.status === 'rejected').length;
    await session.close().catch(() => undefined);
  }
  return `${(refreshes / ROUNDS).toFixed(2)} refreshes, ${failed}/${ROUNDS * callers} calls failed`;
}

/** Expiry figures the auth issue asks for, through the msw mount, harness client beside the plain SDK. */
export const authBench: Bench = {
  title: 'OAuth: expired token to answer, refreshes per expiry',
  async run() {
    const cloud = await freshCloud({});
    const figures: Figure[] = [];
    for (const client of ['harness', 'sdk'] as const) {
      const samples = await expiryToAnswer(cloud, client);
      figures.push({
        name: `expiry → answer p50 / p95 (${client})`,
        value: `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`,
        note: `${EXPIRIES} expiries, one caller: 401, one refresh, one retry`,
      });
    }
    for (const callers of [1, 4, 16])
      figures.push({
        name: `refreshes per expiry, ${callers} caller(s)`,
        value: `harness ${await refreshesPerExpiry(cloud, 'harness', callers)}`,
        note: `plain SDK ${await refreshesPerExpiry(cloud, 'sdk', callers)}; ${ROUNDS} expiries`,
      });
    await closeWorkerCloud();
    return figures;
  },
};
