import type { OAuthIdentity } from '../auth/identity.ts';
import type { HarnessOAuthProvider } from '../auth/provider.ts';

/**
 * Roles the scenarios ask for; on the mock they are fixture users, live they come from the environment.
 * `reader` is a scoped read-only API token and `classic` a classic (unscoped) one.
 */
export const IDENTITY_NAMES = ['member', 'admin', 'viewer', 'outsider', 'reader', 'classic'] as const;
export type IdentityName = (typeof IDENTITY_NAMES)[number];

/** Which OAuth client a session uses: the harness's (single-flight refresh, step-up) or the plain SDK's. */
export type OAuthClientKind = 'harness' | 'sdk';

export type Credentials =
  | { kind: 'basic'; email: string; apiToken: string }
  | { kind: 'bearer'; token: string }
  | { kind: 'oauth'; provider: HarnessOAuthProvider; client: OAuthClientKind }
  | { kind: 'none' };

/** What scenarios may assume about the site under test, whatever the target. */
export interface SiteFacts {
  cloudId: string;
  host: string;
  /** Project where checks create and change issues. */
  sandboxProject: string;
  /** Space key where checks create pages. */
  sandboxSpace: string;
  /** A project only some identities may see; permission checks need it. */
  restrictedProject?: string;
  /** A space `member` may write in and `outsider` may not see. */
  restrictedSpace?: string;
  /** An issue security level of the sandbox project that `member` may set and `viewer` is outside. */
  securityLevel?: string;
  /** Pages with restrictions: `hidden` (read: not `viewer`), `locked` (update: not `member`). */
  restrictedPages?: { hidden: string; locked: string };
  identities: Partial<Record<IdentityName, Credentials>>;
  /** OAuth sign-in per identity, where the target supports it. */
  oauth?: Partial<Record<IdentityName, OAuthIdentity>>;
  /** How to configure an identity the target lacks (live mode names its variables). */
  setupHint?: (as: IdentityName) => string;
}

export function basicHeader(c: Extract<Credentials, { kind: 'basic' }>): string {
  return `Basic ${Buffer.from(`${c.email}:${c.apiToken}`).toString('base64')}`;
}

export function authorizationHeader(c: Credentials): string | undefined {
  if (c.kind === 'basic') return basicHeader(c);
  if (c.kind === 'bearer') return `Bearer ${c.token}`;
  return undefined;
}
