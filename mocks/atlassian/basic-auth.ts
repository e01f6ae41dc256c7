/**
 * Parses `Authorization: Basic base64(email:token)`, an account's email and API token as the site's
 * REST API and the Rovo mock both take them; undefined when the header is something else.
 */
export function parseBasic(header: string | null): { email: string; token: string } | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m?.[1]) return undefined;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { email: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}
