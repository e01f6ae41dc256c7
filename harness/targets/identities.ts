/** Roles the scenarios ask for; on the mock they are fixture users, live they come from the environment. */
export const IDENTITY_NAMES = ['member', 'admin', 'viewer', 'outsider'] as const;
export type IdentityName = (typeof IDENTITY_NAMES)[number];

export type Credentials =
  { kind: 'basic'; email: string; apiToken: string } | { kind: 'bearer'; token: string } | { kind: 'none' };

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
  identities: Partial<Record<IdentityName, Credentials>>;
}

export function basicHeader(c: Extract<Credentials, { kind: 'basic' }>): string {
  return `Basic ${Buffer.from(`${c.email}:${c.apiToken}`).toString('base64')}`;
}

export function authorizationHeader(c: Credentials): string | undefined {
  if (c.kind === 'basic') return basicHeader(c);
  if (c.kind === 'bearer') return `Bearer ${c.token}`;
  return undefined;
}
