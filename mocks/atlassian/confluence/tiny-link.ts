/**
 * Confluence tiny links (`https://<site>/wiki/x/<code>`): the page id as little-endian bytes in
 * base64, with `/`→`-`, `+`→`_`, and trailing `A`/`=` (zero bits, padding) trimmed. Rovo tools take
 * the code wherever they take a page id (rovo-surface.md 2.5).
 */

export function tinyLinkCode(pageId: string): string {
  let n = BigInt(pageId);
  const bytes: number[] = [];
  do {
    bytes.push(Number(n & 0xffn));
    n >>= 8n;
  } while (n > 0n);
  while (bytes.length < 4) bytes.push(0);
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/\//g, '-')
    .replace(/\+/g, '_')
    .replace(/[A=]+$/, '');
}

const CODE = /^[A-Za-z0-9_-]{1,12}$/;

/** The page id a tiny-link code (or a `/x/<code>` URL) stands for; undefined when it is not one. */
export function pageIdFromTinyLink(value: string): string | undefined {
  const code = /\/x\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(value)?.[1] ?? value;
  if (!CODE.test(code)) return undefined;
  let b64 = code.replace(/-/g, '/').replace(/_/g, '+');
  while (b64.length % 4 !== 0) b64 += 'A';
  const bytes = Buffer.from(b64, 'base64');
  let n = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) n = (n << 8n) | BigInt(bytes[i] ?? 0);
  return n > 0n ? n.toString() : undefined;
}

/** A Rovo `pageId` argument: a numeric id as is, or the id behind a tiny-link code. */
export function resolvePageId(value: string): string {
  const v = value.trim();
  if (/^\d+$/.test(v)) return v;
  return pageIdFromTinyLink(v) ?? v;
}
