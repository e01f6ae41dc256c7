import {
  OAuthMetadataSchema,
  OAuthProtectedResourceMetadataSchema,
  type OAuthMetadata,
  type OAuthProtectedResourceMetadata,
} from '@modelcontextprotocol/sdk/shared/auth.js';
import type { HarnessOAuthProvider } from '../auth/provider.ts';
import type { HttpProbe, ProbeAnswer } from '../connect/probe.ts';

/**
 * Raw HTTP to a target's authorization surface, for checks that look below the SDK client: the 401
 * challenge, the discovery documents, the token endpoint. They work wherever the target is an HTTP
 * endpoint (msw mock, loopback, live).
 */

export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/** Parses one `WWW-Authenticate` challenge: `Bearer k="v", k2="v2"` (quoted or token values). */
export function parseChallenge(header: string | null): Challenge | undefined {
  const m = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const params: Record<string, string> = {};
  for (const p of (m[2] ?? '').matchAll(/([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s,]+))/g))
    if (p[1]) params[p[1].toLowerCase()] = (p[2] ?? p[3] ?? '').replace(/\\(.)/g, '$1');
  return { scheme: m[1], params };
}

/** An `initialize` through the check's probe with this Authorization header instead (none when undefined). */
export function initializeWith(probe: HttpProbe, authorization: string | undefined): Promise<ProbeAnswer> {
  return probe.initialize(undefined, { authorization });
}

async function getJson(url: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, { headers: { accept: 'application/json' } });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: text };
  }
}

/** RFC 9728 locations for an endpoint: path-suffixed first, then the root. */
export function prmLocations(endpoint: URL): string[] {
  const suffix = endpoint.pathname === '/' ? '' : endpoint.pathname.replace(/\/$/, '');
  return [
    `${endpoint.origin}/.well-known/oauth-protected-resource${suffix}`,
    `${endpoint.origin}/.well-known/oauth-protected-resource`,
  ];
}

/** RFC 8414 locations for an issuer URL: path insertion, and the appended form tenant-path servers also answer. */
export function asMetadataLocations(issuerUrl: string): string[] {
  const url = new URL(issuerUrl);
  const path = url.pathname.replace(/\/$/, '');
  if (path === '') return [`${url.origin}/.well-known/oauth-authorization-server`];
  return [
    `${url.origin}/.well-known/oauth-authorization-server${path}`,
    `${url.origin}${path}/.well-known/oauth-authorization-server`,
  ];
}

export interface FoundDocument<T> {
  url: string;
  document?: T;
  /** Why the location gave no valid document (status or schema problem). */
  problem?: string;
}

async function fetchDocument<T>(
  url: string,
  schema: {
    safeParse(v: unknown): { success: true; data: T } | { success: false; error: { message: string } };
  },
): Promise<FoundDocument<T>> {
  const { status, body } = await getJson(url);
  if (status !== 200) return { url, problem: `HTTP ${status}` };
  const parsed = schema.safeParse(body);
  return parsed.success
    ? { url, document: parsed.data }
    : { url, problem: parsed.error.message.slice(0, 200) };
}

export const fetchProtectedResource = (url: string) =>
  fetchDocument<OAuthProtectedResourceMetadata>(url, OAuthProtectedResourceMetadataSchema);
export const fetchAuthorizationServer = (url: string) =>
  fetchDocument<OAuthMetadata>(url, OAuthMetadataSchema);

/** Does a protected resource's `resource` identify this endpoint (itself, or a prefix of it)? */
export function describesEndpoint(resource: string, endpoint: URL): boolean {
  const r = resource.replace(/\/$/, '');
  const e = `${endpoint.origin}${endpoint.pathname}`.replace(/\/$/, '');
  return e === r || e.startsWith(`${r}/`);
}

/** One refresh_token grant sent by hand (to replay a spent token on purpose); the raw answer. */
export async function refreshByHand(
  provider: HarnessOAuthProvider,
  refreshToken: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const metadata = provider.discoveryState()?.authorizationServerMetadata;
  const clientId = provider.clientInformation()?.client_id;
  if (!metadata || !clientId)
    throw new Error('the sign-in kept no authorization-server metadata or client id');
  const res = await fetch(metadata.token_endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: clientId,
    }),
  });
  const body: unknown = await res.json().catch(() => ({}));
  return {
    status: res.status,
    body: typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {},
  };
}
