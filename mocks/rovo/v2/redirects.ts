import type { V2Profile } from './profile/schema.ts';

const LOOPBACK = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//i;

export const isLoopback = (uri: string) => LOOPBACK.test(uri);

/** `http://localhost:*\/**`: `*` any port or host label, `**` any path (I241, T-CP #82096 examples). */
function patternMatches(pattern: string, uri: string): boolean {
  const source = pattern
    .split('**')
    .map((part) =>
      part
        .split('*')
        .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*'),
    )
    .join('.*');
  return new RegExp(`^${source}$`, 'i').test(uri);
}

/** Same path on a loopback address; the port may differ, and the host too when `anyHost`. */
function loopbackAlike(registered: string, asked: string, anyHost: boolean): boolean {
  if (!isLoopback(registered)) return false;
  const a = new URL(registered);
  const b = new URL(asked);
  return a.pathname === b.pathname && (anyHost || a.hostname === b.hostname);
}

export type RedirectVerdict = 'allowed' | 'refused';

/**
 * Q15, for a redirect URI the authorization request asks for, given what the client registered (DCR)
 * or declared (a metadata document):
 * - exact: a metadata document's list matches exactly, port included (T-CP #4926); a dynamically
 *   registered client may not use a loopback redirect at all (I246);
 * - any-loopback: a registered loopback redirect passes on localhost or 127.0.0.1 and any port (T-LB);
 * - domain-patterns: a loopback redirect passes when it matches one of the org's patterns
 *   (`redirectDomainPatterns`) and the client registered it on that host, any port (I241, T-CP #82096).
 * Other redirects match the client's list exactly under every option.
 */
export function redirectVerdict(
  profile: V2Profile,
  client: { redirect_uris: readonly string[]; viaDocument: boolean },
  asked: string,
): RedirectVerdict {
  const exact = client.redirect_uris.includes(asked);
  if (!isLoopback(asked)) return exact ? 'allowed' : 'refused';
  switch (profile.answers.Q15) {
    case 'exact':
      return client.viaDocument && exact ? 'allowed' : 'refused';
    case 'any-loopback':
      return client.redirect_uris.some((r) => loopbackAlike(r, asked, true)) ? 'allowed' : 'refused';
    case 'domain-patterns':
      return profile.redirectDomainPatterns.some((p) => patternMatches(p, asked)) &&
        client.redirect_uris.some((r) => loopbackAlike(r, asked, false))
        ? 'allowed'
        : 'refused';
  }
}
