import type { CloudOptions, FakeCloud } from '../../mocks/cloud.ts';
import type { LoopbackMount } from '../../mocks/mounts/loopback.ts';
import type { MswMount } from '../../mocks/mounts/msw.ts';
import type { Variant } from '../../mocks/variants/kit/types.ts';
import type { RunSettings } from '../config/settings.ts';
import type { Credentials, SiteFacts } from '../targets/identities.ts';

/**
 * The fake cloud of one vitest worker: one msw mount for the worker's life (msw patches the process's
 * fetch, so it cannot be per check), one loopback port opened on first use, and a fresh cloud per
 * check behind both. Checks get their cloud from their setup; only the two mounts read `current`.
 */
let mount: MswMount | undefined;
const mountedHosts = new Set<string>();
let current: FakeCloud | undefined;
let loopback: Promise<LoopbackMount> | undefined;

function activeCloud(): FakeCloud {
  if (!current) throw new Error('no fake cloud is active in this worker');
  return current;
}

async function ensureMounted(host: string): Promise<void> {
  if (mount && mountedHosts.has(host)) return;
  const { mountWithMsw } = await import('../../mocks/mounts/msw.ts');
  mountedHosts.add(host);
  mount?.close();
  mount = mountWithMsw(activeCloud, [...mountedHosts]);
}

/**
 * Replaces the worker's cloud with a fresh one from the seed, served at the real Atlassian hosts.
 * The fake site and msw load with the first cloud, not with this module: the kinds table imports it,
 * and the CLI's own process reads that table to resolve target names without ever building a cloud.
 */
export async function freshCloud(options: CloudOptions): Promise<FakeCloud> {
  const { FakeCloud } = await import('../../mocks/cloud.ts');
  await current?.close();
  current = new FakeCloud(options);
  await ensureMounted(current.store.site.host);
  return current;
}

/** A fresh cloud for one check under the run's profile and site, broken by `variant` if one is given. */
export async function checkCloud(settings: RunSettings, variant: Variant | undefined): Promise<FakeCloud> {
  const cloud = await freshCloud({ profile: settings.profile, site: settings.site });
  variant?.apply(cloud);
  return cloud;
}

/** The worker's cloud on 127.0.0.1 for servers in other processes; one port per worker, opened on first use. */
export async function loopbackOrigin(): Promise<string> {
  loopback ??= import('../../mocks/mounts/loopback.ts').then(({ serveOnLoopback }) =>
    serveOnLoopback({ handle: (request) => activeCloud().handle(request) }),
  );
  return (await loopback).origin;
}

export async function closeWorkerCloud(): Promise<void> {
  await (await loopback)?.close();
  loopback = undefined;
  await current?.close();
  current = undefined;
  mount?.close();
  mount = undefined;
  mountedHosts.clear();
}

/** Site facts of a fake cloud: the fixture's sandbox and restricted places and its identities by role. */
export function mockSiteFacts(cloud: FakeCloud): SiteFacts {
  const identities: SiteFacts['identities'] = {};
  const oauth: NonNullable<SiteFacts['oauth']> = {};
  for (const handle of ['member', 'admin', 'viewer', 'outsider'] as const) {
    const u = cloud.store.userByHandle(handle);
    if (!u) continue;
    identities[handle] = { kind: 'basic', email: u.email, apiToken: u.apiToken } satisfies Credentials;
    oauth[handle] = { kind: 'headless', loginHint: u.email };
  }
  // The member's further tokens: a scoped read-only one and a classic one.
  const member = cloud.store.userByHandle('member');
  for (const [name, label] of [
    ['reader', 'read-only'],
    ['classic', 'classic'],
  ] as const) {
    const token = member?.tokens.find((t) => t.label === label)?.token;
    if (member && token) identities[name] = { kind: 'basic', email: member.email, apiToken: token };
  }
  return {
    cloudId: cloud.store.site.cloudId,
    host: cloud.store.site.host,
    sandboxProject: 'SBX',
    sandboxSpace: 'SBX',
    restrictedProject: 'SEC',
    restrictedSpace: 'SEC',
    securityLevel: 'Conformance Restricted',
    restrictedPages: { hidden: '163842', locked: '163843' },
    identities,
    oauth,
  };
}
