import { type CloudOptions, FakeCloud } from '../../mocks/cloud.ts';
import { type LoopbackMount, serveOnLoopback } from '../../mocks/mounts/loopback.ts';
import { type MswMount, mountWithMsw } from '../../mocks/mounts/msw.ts';
import type { Credentials, SiteFacts } from './identities.ts';

/**
 * The in-process mock target of one vitest worker: one msw mount for the worker's life, and a fresh
 * cloud per check (so every check starts from the seed, and a variant can replace it).
 */
let mount: MswMount | undefined;
const mountedHosts = new Set<string>();
let current: FakeCloud | undefined;
let loopback: Promise<LoopbackMount> | undefined;

function activeCloud(): FakeCloud {
  if (!current) throw new Error('no fake cloud is active in this worker');
  return current;
}

function ensureMounted(host: string): void {
  if (mount && mountedHosts.has(host)) return;
  mountedHosts.add(host);
  mount?.close();
  mount = mountWithMsw(activeCloud, [...mountedHosts]);
}

export async function freshCloud(options: CloudOptions): Promise<FakeCloud> {
  await current?.close();
  current = new FakeCloud(options);
  ensureMounted(current.store.site.host);
  return current;
}

/** The cloud of the check running in this worker, if any (the legacy and stdio transports reach it). */
export function currentCloud(): FakeCloud | undefined {
  return current;
}

/** The active cloud on 127.0.0.1 for servers in other processes; one port per worker, opened on first use. */
export async function loopbackOrigin(): Promise<string> {
  loopback ??= serveOnLoopback({ handle: (request) => activeCloud().handle(request) });
  return (await loopback).origin;
}

export async function closeMockRuntime(): Promise<void> {
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
