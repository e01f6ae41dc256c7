/**
 * Secrets never reach a report, log, snapshot or attachment. Values are masked by key name
 * (authorization, tokens, passwords) and by value (every secret the run registered, plus anything
 * shaped like an Atlassian API token or a Basic/Bearer credential).
 */
const SECRET_KEYS =
  /^(authorization|proxy-authorization|cookie|set-cookie|.*token.*|.*secret.*|password|api[-_]?key|code_verifier|code)$/i;
const SECRET_PATTERNS: RegExp[] = [
  /\b(Basic|Bearer)\s+[A-Za-z0-9._~+/=-]{8,}/g,
  /\bATATT[A-Za-z0-9_=-]{8,}/g,
  /\b(eyJ[A-Za-z0-9_-]{10,})\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g,
];
export const MASK = '[REDACTED]';

const registered = new Set<string>();

/** Registers a value that must never be written anywhere (a token the run holds). */
export function registerSecret(value: string | undefined): void {
  if (value && value.length >= 6) registered.add(value);
}

/**
 * Registers a credential and the parts a target could echo on their own: the value after a
 * `Basic`/`Bearer` scheme and, when that decodes as base64 to `user:token`, the decoded pair and the
 * token (an echoed header, a server that logs the user it authenticated).
 */
export function registerCredential(value: string | undefined): void {
  if (!value) return;
  registerSecret(value);
  const bare = /^(?:Basic|Bearer)\s+(\S+)$/i.exec(value.trim())?.[1] ?? value.trim();
  registerSecret(bare);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(bare) || bare.length % 4 !== 0) return;
  const decoded = Buffer.from(bare, 'base64').toString('utf8');
  // Only a printable user:secret pair is taken for one; other base64 is left as it is.
  const pair = /^([\x20-\x7e]+?):([\x20-\x7e]+)$/.exec(decoded);
  if (!pair) return;
  registerSecret(decoded);
  registerSecret(pair[2]);
}

export function redactText(text: string): string {
  let out = text;
  for (const secret of registered) out = out.split(secret).join(MASK);
  for (const pattern of SECRET_PATTERNS)
    out = out.replace(pattern, (m, scheme: string) =>
      scheme && /^(Basic|Bearer)$/.test(scheme) ? `${scheme} ${MASK}` : MASK,
    );
  return out;
}

export function redact<T>(value: T): T {
  const walk = (v: unknown, key?: string): unknown => {
    if (key !== undefined && SECRET_KEYS.test(key) && (typeof v === 'string' || typeof v === 'number'))
      return MASK;
    if (typeof v === 'string') return redactText(v);
    if (Array.isArray(v)) return v.map((x) => walk(x));
    if (v !== null && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v as Record<string, unknown>).map(([k, x]) => [k, walk(x, k)]),
      );
    return v;
  };
  return walk(value) as T;
}
